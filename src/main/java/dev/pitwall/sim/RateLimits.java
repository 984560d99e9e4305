package dev.pitwall.sim;

/**
 * Per-key limits OpenRouter itself enforces, answered with 429, {@code Retry-After} and {@code
 * X-RateLimit-*} headers. Null means unlimited.
 */
public record RateLimits(Integer requestsPerMinute, Integer tokensPerMinute) {
  public static final RateLimits NONE = new RateLimits(null, null);

  public RateLimits {
    if (requestsPerMinute != null && requestsPerMinute < 1) {
      throw new IllegalArgumentException(
          "requests_per_minute must be >= 1 (omit it for no limit), not " + requestsPerMinute);
    }
    if (tokensPerMinute != null && tokensPerMinute < 1) {
      throw new IllegalArgumentException(
          "tokens_per_minute must be >= 1 (omit it for no limit), not " + tokensPerMinute);
    }
  }

  public boolean isUnlimited() {
    return requestsPerMinute == null && tokensPerMinute == null;
  }
}
