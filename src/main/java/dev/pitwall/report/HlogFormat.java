package dev.pitwall.report;

import dev.pitwall.runfolder.LatencyLog;
import dev.pitwall.runfolder.RunLayout;
import java.io.IOException;

/** latency.hlog, written by the run folder's {@link LatencyLog}. */
final class HlogFormat implements ReportFormat {
  @Override
  public String fileName() {
    return RunLayout.LATENCY_HLOG;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    LatencyLog.write(ctx.runDir().resolve(fileName()), ctx.result());
  }
}
