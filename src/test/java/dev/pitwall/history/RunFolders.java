package dev.pitwall.history;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.runfolder.LatencyLog;
import dev.pitwall.runfolder.Manifest;
import dev.pitwall.runfolder.RequestsCsvWriter;
import dev.pitwall.runfolder.RunLayout;
import dev.pitwall.runfolder.SuiteFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes synthetic nights as run folders: requests.csv, manifest.json and latency.hlog, as {@code
 * pitwall run} leaves them (its charts left out).
 */
final class RunFolders {
  private RunFolders() {}

  static Path write(Path suiteDir, Nights.Night night) throws IOException {
    return write(suiteDir.resolve(night.runId()), night.result(), night.records());
  }

  static Path write(Path runDir, RunResult result, List<CallRecord> records) throws IOException {
    try (RequestsCsvWriter w = RequestsCsvWriter.open(runDir.resolve("requests.csv"))) {
      records.forEach(w::accept);
    }
    // The files history and merge read; the run's own reports are left out to keep tests fast.
    Manifest.of(result, SuiteFacts.UNKNOWN).write(runDir);
    LatencyLog.write(runDir.resolve(RunLayout.LATENCY_HLOG), result);
    return runDir;
  }

  /** A folder plus its history line, as a finished nightly run leaves them. */
  static Path night(Path suiteDir, Nights.Night night) throws IOException {
    Path dir = write(suiteDir, night);
    History.append(dir, night.result());
    return dir;
  }
}
