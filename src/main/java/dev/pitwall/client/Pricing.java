package dev.pitwall.client;

import java.math.BigDecimal;

/**
 * A model's or endpoint's list prices in USD, as {@code /models} gives them: per token for prompt,
 * completion, internal reasoning and cache reads; per request for {@code request}. Null means not
 * listed.
 */
public record Pricing(
    BigDecimal prompt,
    BigDecimal completion,
    BigDecimal request,
    BigDecimal internalReasoning,
    BigDecimal inputCacheRead) {

  /** Tokens × prices (+ the per-request price); empty if prompt or completion price is unknown. */
  public java.util.Optional<BigDecimal> cost(int promptTokens, int completionTokens) {
    if (prompt == null || completion == null) {
      return java.util.Optional.empty();
    }
    BigDecimal c =
        prompt
            .multiply(BigDecimal.valueOf(promptTokens))
            .add(completion.multiply(BigDecimal.valueOf(completionTokens)));
    return java.util.Optional.of(request == null ? c : c.add(request));
  }

  /** USD per million tokens, for people: {@code 0.00000015} → {@code 0.15}; null stays null. */
  public static BigDecimal perMillion(BigDecimal perToken) {
    if (perToken == null) {
      return null;
    }
    BigDecimal m = perToken.movePointRight(6);
    return m.signum() == 0 ? BigDecimal.ZERO : m.stripTrailingZeros();
  }
}
