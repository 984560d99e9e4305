package dev.pitwall.cli;

import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.KnownModels;
import dev.pitwall.suite.ModelPrice;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.PlanReport;
import dev.pitwall.suite.Suite;
import dev.pitwall.suite.SuiteException;
import dev.pitwall.suite.SuiteLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pitwall validate SUITE [--plan]}: parses and checks a suite, its model ids and provider
 * slugs against the target's catalog (the bundled snapshot for the simulator), without calling any
 * model, and lists every problem with its file, line and column. Exit code 0 when valid, 2 when
 * not.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a suite without calling anything; list every problem with its location.")
public class ValidateCommand implements Callable<Integer> {
  @Mixin SuiteOptions suiteOptions;

  @Option(names = "--plan", description = "Also print the plan: cells, calls and cost bound.")
  boolean plan;

  @Spec CommandSpec spec;

  private final Function<String, Optional<ModelPrice>> pricing;
  private final Supplier<KnownModels> catalog;

  public ValidateCommand() {
    this(model -> Optional.empty(), () -> KnownModels.NONE);
  }

  /**
   * With a price lookup (model id → price), {@code --plan} shows the most each cell can cost; model
   * ids and provider slugs are checked against {@code catalog}.
   */
  public ValidateCommand(
      Function<String, Optional<ModelPrice>> pricing, Supplier<KnownModels> catalog) {
    this.pricing = pricing;
    this.catalog = catalog;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      Map<String, String> settings = suiteOptions.settings();
      Path file = suiteOptions.locate(settings);
      Suite s = SuiteLoader.load(file, settings, catalog.get());
      Plan p = Plan.of(s);
      out.printf(
          "%s: suite %s is valid: %d prompt(s), %d model(s), %d cell(s), %s%n",
          file,
          s.name(),
          s.prompts().size(),
          s.models().size(),
          p.cells().size(),
          s.iterations().isTimeBound() && s.iterations().calls() == Iterations.UNBOUNDED
              ? "time-bound"
              : p.totalCalls() + " call(s)");
      if (plan) {
        out.println();
        out.print(PlanReport.of(p, pricing).render());
      }
      out.flush();
      return ExitCode.OK;
    } catch (SuiteException e) {
      spec.commandLine().getErr().println(e.getMessage());
      spec.commandLine().getErr().flush();
      return ExitCode.USAGE;
    }
  }
}
