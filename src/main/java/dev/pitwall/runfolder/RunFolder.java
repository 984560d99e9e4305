package dev.pitwall.runfolder;

import dev.pitwall.metrics.RunInfo;
import dev.pitwall.metrics.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A run folder read back: its manifest's facts, its attempts, and a {@link RunResult} rebuilt by
 * replaying them exactly as the runner fed them (exact for every figure of requests.csv; ICL from
 * latency.hlog).
 *
 * @param facts the suite facts of the manifest ({@link SuiteFacts#UNKNOWN} without one)
 * @param sample a bounded sample of the attempts of requests.csv, for the per-call charts
 * @param warnings problems met while reading (bad lines, a missing manifest or log), for report.md
 */
public record RunFolder(
    Path dir, RunResult result, SuiteFacts facts, RowSample sample, List<String> warnings) {
  public RunFolder {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(sample, "sample");
    warnings = List.copyOf(warnings);
  }

  /**
   * Reads a run that must have its manifest.json: without one a run's suite, target and settings
   * are unknown, so history and merges cannot use it.
   */
  public static RunFolder read(Path dir) throws IOException {
    if (!RunLayout.isRunFolder(dir)) {
      throw new IOException(
          dir
              + " is not a pitwall run folder: it has no "
              + RunLayout.MANIFEST_JSON
              + " (pass a folder such as results/<suite>/<UTC timestamp>)");
    }
    return rebuild(dir);
  }

  /**
   * Rebuilds what can be rebuilt from whatever the folder holds (requests.csv at least), warning
   * about the rest: what {@code pitwall report DIR} does with a damaged or hand-edited run.
   */
  public static RunFolder rebuild(Path dir) throws IOException {
    return RunRebuilder.rebuild(dir);
  }

  /** The run's id: its folder name. */
  public String runId() {
    return RunLayout.runId(dir);
  }

  public RunInfo info() {
    return result.info();
  }
}
