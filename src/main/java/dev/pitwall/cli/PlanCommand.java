package dev.pitwall.cli;

import dev.pitwall.suite.KnownModels;
import dev.pitwall.suite.ModelPrice;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
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
  public PlanCommand() {
    this(model -> Optional.empty(), () -> KnownModels.NONE);
  }

  /** With a price lookup and a catalog, as {@link ValidateCommand}. */
  public PlanCommand(
      Function<String, Optional<ModelPrice>> pricing, Supplier<KnownModels> catalog) {
    super(pricing, catalog);
    plan = true;
  }
}
