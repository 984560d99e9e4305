package dev.pitwall.runner;

import dev.pitwall.suite.Cell;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.Plan;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The most a plan can cost before any call is made: every call of every cell (warmup included)
 * priced at its prompt (about 4 characters a token) plus {@code max_tokens} of output. An upper
 * bound, since answers usually stop before max_tokens; empty when a model has no known price.
 */
public final class Preflight {
  /** Output tokens assumed for a call whose suite sets no max_tokens. */
  static final int DEFAULT_OUTPUT_TOKENS = 1024;

  private Preflight() {}

  public static Optional<BigDecimal> maxCost(Plan plan, CostEstimator costs) {
    long callsPerCell =
        (long) plan.suite().iterations().calls() * plan.suite().iterations().total();
    BigDecimal total = BigDecimal.ZERO;
    for (Cell cell : plan.cells()) {
      int promptTokens = promptTokens(cell);
      Integer max = cell.request().maxTokens();
      Optional<BigDecimal> one =
          costs.estimate(cell.model(), promptTokens, max == null ? DEFAULT_OUTPUT_TOKENS : max);
      if (one.isEmpty()) {
        return Optional.empty();
      }
      total = total.add(one.get().multiply(BigDecimal.valueOf(callsPerCell)));
    }
    return Optional.of(total);
  }

  static int promptTokens(Cell cell) {
    int chars = 0;
    for (Message m : cell.prompt().messages()) {
      chars += m.content().length();
    }
    return chars / 4 + 4 * cell.prompt().messages().size();
  }
}
