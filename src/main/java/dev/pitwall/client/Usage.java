package dev.pitwall.client;

import java.math.BigDecimal;

/**
 * The {@code usage} object of a response. {@code cost} is null when the response carried none;
 * {@code isByok} null when absent.
 *
 * @param cost {@code usage.cost}: what OpenRouter charged the account. With a key of the user's own
 *     at the provider (BYOK) that is only OpenRouter's fee; the provider bills the rest itself.
 * @param upstreamCost {@code usage.cost_details.upstream_inference_cost}: what the provider
 *     charged, null when absent
 */
public record Usage(
    int promptTokens,
    int completionTokens,
    int reasoningTokens,
    int cachedTokens,
    BigDecimal cost,
    Boolean isByok,
    BigDecimal upstreamCost) {

  public Usage(
      int promptTokens,
      int completionTokens,
      int reasoningTokens,
      int cachedTokens,
      BigDecimal cost,
      Boolean isByok) {
    this(promptTokens, completionTokens, reasoningTokens, cachedTokens, cost, isByok, null);
  }

  /**
   * What the call cost the user, or null when the response said nothing: {@code cost}, plus the
   * provider's charge when BYOK (OpenRouter's usage-accounting docs: {@code cost} is then only the
   * fee and {@code upstream_inference_cost} the provider's own bill).
   */
  public BigDecimal userCost() {
    return userCost(cost, isByok, upstreamCost);
  }

  /** OpenRouter's charge, plus the provider's own when BYOK; null when neither is known. */
  static BigDecimal userCost(BigDecimal charged, Boolean byok, BigDecimal upstream) {
    if (!Boolean.TRUE.equals(byok) || upstream == null) {
      return charged;
    }
    return charged == null ? upstream : charged.add(upstream);
  }
}
