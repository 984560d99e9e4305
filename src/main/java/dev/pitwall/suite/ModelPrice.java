package dev.pitwall.suite;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A model's list price in USD per token (OpenRouter's {@code /models} gives {@code pricing.prompt}
 * and {@code pricing.completion} per token as strings), for pre-flight cost estimates.
 */
public record ModelPrice(BigDecimal promptPerToken, BigDecimal completionPerToken) {
  public ModelPrice {
    Objects.requireNonNull(promptPerToken, "promptPerToken");
    Objects.requireNonNull(completionPerToken, "completionPerToken");
    if (promptPerToken.signum() < 0 || completionPerToken.signum() < 0) {
      throw new IllegalArgumentException("prices must be >= 0");
    }
  }
}
