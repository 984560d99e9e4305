package dev.pitwall.cli;

import dev.pitwall.CostBound;
import dev.pitwall.runner.CostEstimator;
import dev.pitwall.suite.KnownModels;
import dev.pitwall.suite.Plan;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What {@code validate} and {@code plan} ask the target, never calling a model: the catalog a suite
 * is checked against, the cost bound of a plan at the target's prices, and what is left under the
 * key's credit limit. {@link #NONE} knows nothing (no target at all).
 */
interface TargetFacts extends AutoCloseable {
  TargetFacts NONE =
      new TargetFacts() {
        @Override
        public KnownModels known() {
          return KnownModels.NONE;
        }

        @Override
        public CostBound bound(Plan plan) {
          return new CostBound(plan, CostEstimator.NONE);
        }

        @Override
        public Optional<BigDecimal> limitRemaining() {
          return Optional.empty();
        }
      };

  KnownModels known();

  /** The bound {@code pitwall run} would refuse {@code plan} on. */
  CostBound bound(Plan plan);

  /** The key's {@code limit_remaining} ({@code GET /key}); empty when unlimited or unknown. */
  Optional<BigDecimal> limitRemaining();

  @Override
  default void close() {}
}
