package dev.pitwall;

import dev.pitwall.client.EndpointCache;
import dev.pitwall.client.ModelCatalog;
import dev.pitwall.client.ProviderPrices;
import dev.pitwall.runner.CostEstimator;
import dev.pitwall.runner.Preflight;
import dev.pitwall.suite.Cell;
import dev.pitwall.suite.Plan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The most a plan can cost at a target's prices, and the budgets it is checked against: one
 * computation for {@code pitwall run}'s pre-flight refusal and for what {@code pitwall plan}
 * prints, so that the two never disagree. The bound is {@link Preflight}'s (retries, fallback
 * models and warm-up included); the prices are each model's list price from {@code /models} and,
 * for cells whose route names providers, each provider's own price from {@code
 * /models/{id}/endpoints}. Immutable.
 */
public final class CostBound {
  private final Plan plan;
  private final CostEstimator costs;

  public CostBound(Plan plan, CostEstimator costs) {
    this.plan = plan;
    this.costs = costs;
  }

  /**
   * At the target's prices: {@code catalog} (its /models) and, from {@code endpoints}, the endpoint
   * prices of the models of cells whose route names providers.
   */
  public static CostBound at(Plan plan, ModelCatalog catalog, EndpointCache endpoints) {
    return new CostBound(plan, estimator(catalog, providerPrices(endpoints, plan)));
  }

  /** The prices the bound uses; the run also prices a call that reports no cost with them. */
  public CostEstimator costs() {
    return costs;
  }

  /** The most every attempt of {@code cell} can cost; empty when a price is unknown. */
  public Optional<BigDecimal> cell(Cell cell) {
    return Preflight.maxCost(plan, cell, costs);
  }

  /** The most the whole plan can cost (the sum over its cells); empty when a price is unknown. */
  public Optional<BigDecimal> total() {
    return Preflight.maxCost(plan, costs);
  }

  /**
   * Why {@code pitwall run} refuses the plan: one sentence for each of {@code max_cost_usd} and the
   * key's {@code limit_remaining} (null: no limit) that the bound exceeds; past the latter
   * OpenRouter answers 402 and the run would stop there anyway. Empty when within both, or when the
   * bound is unknown.
   */
  public List<String> overBudget(BigDecimal limitRemaining) {
    Optional<BigDecimal> estimate = total();
    List<String> out = new ArrayList<>();
    if (estimate.isEmpty()) {
      return out;
    }
    String bound =
        String.format(
            "the plan may cost up to $%s (%d calls at max_tokens, retries and fallback models"
                + " included)",
            estimate.get().setScale(4, RoundingMode.UP).toPlainString(), plan.totalCalls());
    BigDecimal limit = plan.suite().limits().maxCostUsd();
    if (limit != null && estimate.get().compareTo(limit) > 0) {
      out.add(
          bound
              + ", more than max_cost_usd $"
              + limit.toPlainString()
              + ". Lower calls, iterations or max_tokens, raise max_cost_usd, or pass"
              + " --allow-over-budget (the run then stops at the limit).");
    }
    if (limitRemaining != null && estimate.get().compareTo(limitRemaining) > 0) {
      out.add(
          bound
              + ", more than the key's limit_remaining $"
              + limitRemaining.toPlainString()
              + ". Raise the key's credit limit or add credits, run less, or pass"
              + " --allow-over-budget (the run then stops at the first HTTP 402).");
    }
    return out;
  }

  /** Each provider's price for the models of cells whose route names providers. */
  private static ProviderPrices providerPrices(EndpointCache endpoints, Plan plan) {
    Set<String> models = new LinkedHashSet<>();
    for (Cell cell : plan.cells()) {
      if (cell.route().order() != null || cell.route().only() != null) {
        models.addAll(Preflight.models(cell));
      }
    }
    return models.isEmpty() ? ProviderPrices.NONE : ProviderPrices.of(endpoints, models);
  }

  /** List prices, and a provider's own price where its endpoint gives one. */
  private static CostEstimator estimator(ModelCatalog catalog, ProviderPrices prices) {
    return new CostEstimator() {
      @Override
      public Optional<BigDecimal> estimate(String model, int prompt, int completion) {
        return catalog.estimateCost(model, prompt, completion);
      }

      @Override
      public Optional<BigDecimal> estimate(
          String model, String provider, int prompt, int completion) {
        return prices
            .pricing(model, provider)
            .flatMap(p -> p.cost(prompt, completion))
            .or(() -> estimate(model, prompt, completion));
      }
    };
  }
}
