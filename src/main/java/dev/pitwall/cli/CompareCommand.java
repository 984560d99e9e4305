package dev.pitwall.cli;

import dev.pitwall.UsageException;
import dev.pitwall.history.Baselines;
import dev.pitwall.history.CompareOptions;
import dev.pitwall.history.CompareReport;
import dev.pitwall.history.CompareResult;
import dev.pitwall.history.IncompatibleRunsException;
import dev.pitwall.history.Measure;
import dev.pitwall.history.Threshold;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pitwall compare RUN [--baseline RUN | --last N]}: per series the difference, Welch's
 * t-test and a verdict; writes compare.csv, compare.md and charts/compare.png into the run folder.
 * Exit code 1 when anything regressed beyond its threshold, 2 when the runs cannot be compared.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compare a run with a baseline run or with the trailing runs of its suite; exit 1 on a"
            + " regression.")
public final class CompareCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "RUN",
      description =
          "A run folder (results/<suite>/<UTC timestamp>), or a suite folder for its newest run.")
  Path run;

  @Option(
      names = "--baseline",
      paramLabel = "RUN",
      description = "Compare with this run folder instead of the trailing runs.")
  Path baseline;

  @Option(
      names = "--last",
      paramLabel = "N",
      defaultValue = "7",
      description =
          "Trailing comparable runs of the suite's history.csv (default: ${DEFAULT-VALUE}).")
  int last;

  @Option(
      names = "--confidence",
      defaultValue = "0.99",
      description = "Confidence of Welch's t-test (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(
      names = "--threshold",
      paramLabel = "METRIC=AMOUNT",
      description =
          "Smallest change that counts, per metric: ttft=15%% (relative) or error_rate=0.05"
              + " (absolute). Repeatable.")
  Map<String, String> thresholds = new LinkedHashMap<>();

  @Option(
      names = "--allow-no-baseline",
      description =
          "Exit 0 instead of 2 when the history holds no earlier comparable run (first nights).")
  boolean allowNoBaseline;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where compare.csv, compare.md and the chart go (default: the run folder).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CompareOptions options;
    try {
      options = CompareOptions.defaults().withConfidence(confidence);
      for (Map.Entry<String, String> t : thresholds.entrySet()) {
        options = options.withThreshold(Measure.byId(t.getKey()), Threshold.parse(t.getValue()));
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (in --confidence or --threshold)");
    }
    CompareResult result;
    Path runDir;
    try {
      runDir = Baselines.resolveRun(run);
      result =
          baseline != null
              ? Baselines.againstRun(runDir, Baselines.resolveRun(baseline), options)
              : Baselines.againstTrailing(runDir, last, options);
    } catch (Baselines.NoBaselineException e) {
      err.println("pitwall compare: " + e.getMessage());
      return allowNoBaseline ? ExitCode.OK : ExitCode.USAGE;
    } catch (IncompatibleRunsException | IOException e) {
      err.println("pitwall compare: " + e.getMessage());
      return ExitCode.USAGE;
    }
    Path dir = out != null ? out : runDir;
    List<String> trends =
        baseline == null ? Baselines.writeTrends(dir, runDir, result, last) : List.of();
    CompareReport.writeAll(dir, result, trends);
    stdout.print(CompareReport.console(result));
    stdout.println("compare: " + dir.resolve(CompareReport.MARKDOWN).toAbsolutePath().normalize());
    stdout.flush();
    return result.regressed() ? ExitCode.GATE_FAILED : ExitCode.OK;
  }
}
