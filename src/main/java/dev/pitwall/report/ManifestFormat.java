package dev.pitwall.report;

import dev.pitwall.runfolder.Manifest;
import dev.pitwall.runfolder.RunLayout;
import java.io.IOException;

/** manifest.json, pretty-printed with keys in a fixed order so runs diff cleanly. */
final class ManifestFormat implements ReportFormat {
  @Override
  public String fileName() {
    return RunLayout.MANIFEST_JSON;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    Manifest.of(ctx.result(), ctx.suite()).write(ctx.runDir());
  }
}
