package dev.pitwall.report;

import java.io.IOException;

/** manifest.json, pretty-printed with keys in a fixed order so runs diff cleanly. */
final class ManifestFormat implements ReportFormat {
  @Override
  public String fileName() {
    return Manifest.FILE;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    Manifest manifest = Manifest.of(ctx.result(), ctx.suite());
    Manifest.JSON
        .writerWithDefaultPrettyPrinter()
        .writeValue(ctx.runDir().resolve(fileName()).toFile(), manifest.toJson());
  }
}
