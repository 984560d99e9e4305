package dev.pitwall.report;

import dev.pitwall.metrics.RunResult;
import dev.pitwall.runfolder.RequestsCsvReader;
import dev.pitwall.runfolder.RowSample;
import dev.pitwall.runfolder.RunLayout;
import dev.pitwall.runfolder.SuiteFacts;
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
  private Reports() {}

  /**
   * Writes every format of a run just measured into {@code runDir}, streaming back the attempts its
   * requests.csv holds into a bounded {@link RowSample} (a run killed mid-write leaves a readable
   * file; its bad lines become warnings in report.md).
   *
   * @param chartScale pixels per chart unit of the PNGs (1: 1200×700; 2: HiDPI)
   * @return the files and folders written, relative to {@code runDir}
   */
  public static List<String> writeAll(
      Path runDir, RunResult result, SuiteFacts facts, int chartScale) throws IOException {
    RowSample sample = new RowSample();
    List<String> warnings = List.of();
    Path requests = runDir.resolve(RunLayout.REQUESTS_CSV);
    if (Files.isRegularFile(requests)) {
      warnings = RequestsCsvReader.forEach(requests, sample);
    }
    return writeAll(
        ReportContext.of(runDir, result, facts, sample, warnings).withChartScale(chartScale));
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
