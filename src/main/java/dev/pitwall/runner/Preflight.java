package dev.pitwall.runner;

import dev.pitwall.suite.Cell;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Route;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The most a plan can cost before any call is made: every attempt the plan allows (each call of
 * every cell, warmup included, times {@code 1 + retries.max}) priced at its prompt ({@link
 * dev.pitwall.suite.Prompt#estimatedTokens()}) plus {@code max_tokens} of output, at the dearest
 * price that could serve it: the cell's model or any of its fallback {@code models}, at each
 * provider its route names (the provider's own price, from its endpoint) and, when routing may
 * leave those providers, at the model's list price too. An upper bound, since answers usually stop
 * before max_tokens and failed attempts are mostly not billed; empty when a model has no known
 * price, and for a time-bound plan. {@code pitwall run} refuses on it and {@code pitwall plan}
 * prints it, both through {@code dev.pitwall.CostBound}.
 */
public final class Preflight {
  private Preflight() {}

  /** The most the whole plan can cost: the sum of {@link #maxCost(Plan, Cell, CostEstimator)}. */
  public static Optional<BigDecimal> maxCost(Plan plan, CostEstimator costs) {
    BigDecimal total = BigDecimal.ZERO;
    for (Cell cell : plan.cells()) {
      Optional<BigDecimal> one = maxCost(plan, cell, costs);
      if (one.isEmpty()) {
        return Optional.empty();
      }
      total = total.add(one.get());
    }
    return Optional.of(total);
  }

  /**
   * The most every attempt {@code plan} allows {@code cell} can cost; empty when a price is unknown
   * or the plan is time-bound (how many calls fit is known only once it has run: the budget stops
   * it at {@code max_cost_usd} instead).
   */
  public static Optional<BigDecimal> maxCost(Plan plan, Cell cell, CostEstimator costs) {
    if (plan.suite().iterations().calls() == Iterations.UNBOUNDED) {
      return Optional.empty();
    }
    long attempts =
        (long) plan.suite().iterations().calls()
            * plan.suite().iterations().total()
            * (1 + plan.suite().retries().maxRetries());
    return maxPerAttempt(cell, costs).map(one -> one.multiply(BigDecimal.valueOf(attempts)));
  }

  /** The most one attempt of {@code cell} can cost, over every model and provider it may reach. */
  static Optional<BigDecimal> maxPerAttempt(Cell cell, CostEstimator costs) {
    int prompt = cell.prompt().estimatedTokens();
    Integer max = cell.request().maxTokens();
    int output = max == null ? RequestParams.BOUND_MAX_TOKENS : max;
    Route route = cell.route();
    List<String> providers = route.only() != null ? route.only() : listOrEmpty(route.order());
    boolean mayLeaveThem =
        providers.isEmpty()
            || (route.only() == null && !Boolean.FALSE.equals(route.allowFallbacks()));
    BigDecimal most = null;
    for (String model : models(cell)) {
      List<Optional<BigDecimal>> prices = new ArrayList<>();
      if (mayLeaveThem) {
        prices.add(costs.estimate(model, prompt, output));
      }
      for (String provider : providers) {
        prices.add(costs.estimate(model, provider, prompt, output));
      }
      for (Optional<BigDecimal> price : prices) {
        if (price.isEmpty()) {
          return Optional.empty();
        }
        most = most == null ? price.get() : most.max(price.get());
      }
    }
    return Optional.ofNullable(most);
  }

  /** The cell's model, then the fallback models of its request ({@code models}), if any. */
  public static List<String> models(Cell cell) {
    List<String> out = new ArrayList<>(List.of(cell.model()));
    if (cell.request().extra().get("models") instanceof List<?> fallbacks) {
      for (Object m : fallbacks) {
        if (m instanceof String id && !out.contains(id)) {
          out.add(id);
        }
      }
    }
    return out;
  }

  private static List<String> listOrEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }
}
