package dev.pitwall.history;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.RunInfo;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.report.Manifest;
import dev.pitwall.report.ReportContext;
import dev.pitwall.report.RunRebuilder;
import dev.pitwall.report.SuiteFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run folder read back through the report package's {@link RunRebuilder}: its manifest, its
 * attempts, and a {@link RunResult} rebuilt by replaying them (exact for every figure of
 * requests.csv; ICL from latency.hlog). Unlike {@code pitwall report}, history insists on a
 * manifest: without one a run's suite, target and settings are unknown, so it cannot be compared.
 */
public record RunFolder(Path dir, ReportContext context) {
  static final String REQUESTS = "requests.csv";

  /** Reads manifest.json and requests.csv of {@code dir}; both must exist. */
  public static RunFolder read(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve(Manifest.FILE))) {
      throw new IOException(
          dir
              + " is not a pitwall run folder: it has no "
              + Manifest.FILE
              + " (pass a folder such as results/<suite>/<UTC timestamp>)");
    }
    return new RunFolder(dir, RunRebuilder.rebuild(dir));
  }

  /** The run's id: its folder name. */
  public String runId() {
    return dir.toAbsolutePath().normalize().getFileName().toString();
  }

  public RunInfo info() {
    return context.result().info();
  }

  public SuiteFacts facts() {
    return context.suite();
  }

  public List<CallRecord> records() {
    return context.rows();
  }

  public List<String> warnings() {
    return context.warnings();
  }

  public RunResult replay() {
    return context.result();
  }

  public RunFigures figures() {
    return RunFigures.of(runId(), replay(), records());
  }
}
