package dev.pitwall.cli;

import dev.pitwall.UsageException;
import dev.pitwall.history.CompareOptions;
import dev.pitwall.history.History;
import dev.pitwall.history.HistoryCsv;
import dev.pitwall.history.TrendCharts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pitwall trend results/<suite>}: trend charts of the suite's history, one PNG per headline
 * metric with every series over the last N runs, confidence intervals and regressions marked.
 */
@Command(
    name = "trend",
    mixinStandardHelpOptions = true,
    description = "Draw each series of a suite over its last N runs (charts/trend-*.png).")
public final class TrendCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "SUITE_DIR",
      description = "results/<suite>, holding history.csv.")
  Path suiteDir;

  @Option(
      names = "--last",
      defaultValue = "30",
      description = "Runs drawn (default: ${DEFAULT-VALUE}).")
  int last;

  @Option(
      names = "--baseline-runs",
      defaultValue = "7",
      description = "Runs each point is judged against (default: ${DEFAULT-VALUE}).")
  int baselineRuns;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where charts/ goes (default: SUITE_DIR).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path file = suiteDir.resolve(HistoryCsv.FILE);
    if (!Files.isRegularFile(file)) {
      err.println("pitwall trend: " + file + " does not exist; pass results/<suite> after a run");
      return ExitCode.USAGE;
    }
    if (last < 1 || baselineRuns < 1) {
      throw new UsageException("--last and --baseline-runs must be at least 1");
    }
    HistoryCsv.Read history = History.load(file);
    history.warnings().forEach(w -> err.println("warning: " + w));
    Path dir = out != null ? out : suiteDir;
    List<String> written =
        TrendCharts.write(dir, history.runs(), last, baselineRuns, CompareOptions.defaults());
    written.forEach(f -> stdout.println("trend: " + dir.resolve(f).toAbsolutePath().normalize()));
    stdout.flush();
    return ExitCode.OK;
  }
}
