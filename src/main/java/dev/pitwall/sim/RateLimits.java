package dev.pitwall.sim;

import java.math.BigDecimal;

/**
 * Per-key limits OpenRouter itself enforces: requests and tokens per minute, answered with 429,
 * {@code Retry-After} and {@code X-RateLimit-*} headers; and the key's credit limit in USD,
 * answered with 402 once the key's spend reaches it and shown by {@code GET /key} as {@code limit}
 * and {@code limit_remaining}. Null means unlimited.
 */
public record RateLimits(
    Integer requestsPerMinute, Integer tokensPerMinute, BigDecimal creditLimitUsd) {
  public static final RateLimits NONE = new RateLimits(null, null);

  public RateLimits(Integer requestsPerMinute, Integer tokensPerMinute) {
    this(requestsPerMinute, tokensPerMinute, null);
  }

  public RateLimits {
    if (creditLimitUsd != null && creditLimitUsd.signum() < 0) {
      throw new IllegalArgumentException(
          "credit_limit_usd must be >= 0 (omit it for no limit), not " + creditLimitUsd);
    }
    if (requestsPerMinute != null && requestsPerMinute < 1) {
      throw new IllegalArgumentException(
          "requests_per_minute must be >= 1 (omit it for no limit), not " + requestsPerMinute);
    }
    if (tokensPerMinute != null && tokensPerMinute < 1) {
      throw new IllegalArgumentException(
          "tokens_per_minute must be >= 1 (omit it for no limit), not " + tokensPerMinute);
    }
  }

  /** No request or token limit (the credit limit is checked apart). */
  public boolean isUnlimited() {
    return requestsPerMinute == null && tokensPerMinute == null;
  }
}
