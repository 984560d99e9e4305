package dev.pitwall.cli;

import dev.pitwall.CostBound;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.PlanReport;
import dev.pitwall.suite.Suite;
import dev.pitwall.suite.SuiteException;
import dev.pitwall.suite.SuiteLoader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
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

  private final Function<Map<String, String>, TargetFacts> target;

  /** Without a target: nothing is priced and model ids are not checked. */
  public ValidateCommand() {
    this(settings -> TargetFacts.NONE);
  }

  /**
   * Asking the target {@code target} opens for the settings: model ids and provider slugs are
   * checked against its catalog, and {@code --plan} shows the most each cell can cost at its
   * prices.
   */
  ValidateCommand(Function<Map<String, String>, TargetFacts> target) {
    this.target = target;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> settings = suiteOptions.settings();
    try (TargetFacts facts = target.apply(settings)) {
      Path file = suiteOptions.locate(settings);
      Suite s = SuiteLoader.load(file, settings, facts.known());
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
        CostBound bound = facts.bound(p);
        out.println();
        out.print(PlanReport.of(p, bound::cell).render());
        printBudgets(out, p, bound, facts.limitRemaining());
      }
      out.flush();
      return ExitCode.OK;
    } catch (SuiteException e) {
      spec.commandLine().getErr().println(e.getMessage());
      spec.commandLine().getErr().flush();
      return ExitCode.USAGE;
    }
  }

  /**
   * The key's credit left next to the bound, and whether {@code pitwall run} would refuse the plan
   * (the same check, so the same answer); a refusal is news here, not a failure of the command.
   */
  private static void printBudgets(
      PrintWriter out, Plan p, CostBound bound, Optional<BigDecimal> left) {
    left.ifPresent(l -> out.println("key limit_remaining $" + l.toPlainString()));
    if (bound.total().isEmpty() || (left.isEmpty() && p.suite().limits().maxCostUsd() == null)) {
      return;
    }
    List<String> refusals = bound.overBudget(left.orElse(null));
    if (refusals.isEmpty()) {
      out.println("pitwall run would start: the bound is within every budget");
    }
    for (String refusal : refusals) {
      out.println("pitwall run would refuse: " + refusal);
    }
  }
}
