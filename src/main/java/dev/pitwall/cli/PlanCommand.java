package dev.pitwall.cli;

import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;

/**
 * {@code pitwall plan SUITE}: the cells a suite expands into, the number of calls and the most they
 * can cost, without calling anything. The same as {@code validate SUITE --plan}.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show a suite's cells, number of calls and most cost, without calling anything.")
public class PlanCommand extends ValidateCommand {
  /** Without a target, as {@link ValidateCommand#ValidateCommand()}. */
  public PlanCommand() {
    this(settings -> TargetFacts.NONE);
  }

  /** Asking a target, as {@link ValidateCommand}. */
  PlanCommand(Function<Map<String, String>, TargetFacts> target) {
    super(target);
    plan = true;
  }
}
