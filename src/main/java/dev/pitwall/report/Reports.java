package dev.pitwall.report;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.suite.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every output of a run through {@link ReportFormats#all()}. One format failing (a chart on
 * a machine without fonts, say) does not stop the others: they are all attempted, then the failures
 * are thrown together.
 */
public final class Reports {
  static final String REQUESTS_CSV = "requests.csv";

  private Reports() {}

  /**
   * Writes every format into {@code runDir}. With {@code suite} null (regenerating a run), the
   * suite facts come from the run's manifest.json when there is one.
   *
   * @return the files and folders written, relative to {@code runDir}
   */
  public static List<String> writeAll(Path runDir, RunResult result, Suite suite)
      throws IOException {
    SuiteFacts facts;
    if (suite != null) {
      facts = SuiteFacts.of(suite);
    } else if (Files.isRegularFile(runDir.resolve(Manifest.FILE))) {
      facts = Manifest.read(runDir).facts();
    } else {
      facts = SuiteFacts.UNKNOWN;
    }
    List<CallRecord> rows = List.of();
    List<String> warnings = List.of();
    Path requests = runDir.resolve(REQUESTS_CSV);
    if (Files.isRegularFile(requests)) {
      RequestsCsvReader.Result read = RequestsCsvReader.read(requests);
      rows = read.records();
      warnings = read.warnings();
    }
    return writeAll(
        new ReportContext(
            runDir, result, facts, SloGate.evaluate(result, facts.slos()), rows, warnings));
  }

  /** Writes every format for a context already gathered (what {@code pitwall report} does). */
  public static List<String> writeAll(ReportContext ctx) throws IOException {
    Files.createDirectories(ctx.runDir());
    List<String> written = new ArrayList<>();
    IOException failures = null;
    for (ReportFormat format : ReportFormats.all()) {
      try {
        format.write(ctx);
        written.add(format.fileName());
      } catch (IOException | RuntimeException e) {
        if (failures == null) {
          failures = new IOException("some reports could not be written in " + ctx.runDir());
        }
        failures.addSuppressed(new IOException(format.fileName() + ": " + e.getMessage(), e));
      }
    }
    if (failures != null) {
      throw failures;
    }
    return written;
  }
}
