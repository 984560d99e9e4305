package dev.pitwall.runner;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The cost of a call from token counts and list prices: the model's, or one provider's ({@code GET
 * /models/{id}/endpoints} prices each provider apart). Used when a response carries no {@code
 * usage.cost} (docs/metrics.md) and for the pre-flight bound.
 */
@FunctionalInterface
public interface CostEstimator {
  CostEstimator NONE = (model, prompt, completion) -> Optional.empty();

  /** At the model's list price; empty when the model's price is unknown. */
  Optional<BigDecimal> estimate(String model, int promptTokens, int completionTokens);

  /**
   * At the price of the provider with routing slug {@code provider}; the model's list price when
   * that provider's is unknown.
   */
  default Optional<BigDecimal> estimate(
      String model, String provider, int promptTokens, int completionTokens) {
    return estimate(model, promptTokens, completionTokens);
  }
}
