package dev.pitwall.runner;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The cost of a call from token counts and the model's list prices, used when a response carries no
 * {@code usage.cost} (docs/metrics.md).
 */
@FunctionalInterface
public interface CostEstimator {
  CostEstimator NONE = (model, prompt, completion) -> Optional.empty();

  Optional<BigDecimal> estimate(String model, int promptTokens, int completionTokens);
}
