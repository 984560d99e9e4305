package dev.pitwall.cli;

import dev.pitwall.suite.ModelPrice;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.PlanReport;
import dev.pitwall.suite.Suite;
import dev.pitwall.suite.SuiteException;
import dev.pitwall.suite.SuiteLoader;
import dev.pitwall.suite.SuiteLocator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pitwall plan SUITE}: the cells, the number of calls, and a pre-flight cost bound, without
 * calling anything. Exit code 2 on a bad suite.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show a suite's cells, number of calls and most cost, without calling anything.")
public class PlanCommand implements Callable<Integer> {
  static final int BAD_SUITE = 2;

  @Parameters(
      index = "0",
      paramLabel = "SUITE",
      description = "A suite name in the benchmarks folder, or a path to a suite file.")
  String suite;

  @Option(
      names = "-D",
      paramLabel = "KEY=VALUE",
      description = "Override a suite setting, e.g. -Dconcurrency=4 -Dmodels=openai/gpt-4o.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(
      names = "--benchmarks",
      paramLabel = "DIR",
      defaultValue = "benchmarks",
      description = "Where suite names are looked up (default: ${DEFAULT-VALUE}).")
  Path benchmarks;

  @Spec CommandSpec spec;

  private final Function<String, Optional<ModelPrice>> pricing;

  public PlanCommand() {
    this(model -> Optional.empty());
  }

  /** With a price lookup (model id → price), the plan shows the most each cell can cost. */
  public PlanCommand(Function<String, Optional<ModelPrice>> pricing) {
    this.pricing = pricing;
  }

  @Override
  public Integer call() {
    try {
      Suite s = SuiteLoader.load(SuiteLocator.locate(suite, benchmarks), overrides);
      spec.commandLine().getOut().print(PlanReport.of(Plan.of(s), pricing).render());
      spec.commandLine().getOut().flush();
      return 0;
    } catch (SuiteException e) {
      spec.commandLine().getErr().println(e.getMessage());
      spec.commandLine().getErr().flush();
      return BAD_SUITE;
    }
  }
}
