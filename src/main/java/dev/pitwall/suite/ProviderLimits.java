package dev.pitwall.suite;

/** Rate limits for the calls pinned to one provider. Null means "no limit". */
public record ProviderLimits(Integer requestsPerMinute, Integer tokensPerMinute) {
  public ProviderLimits {
    if (requestsPerMinute != null && requestsPerMinute < 1) {
      throw new IllegalArgumentException("requests_per_minute must be >= 1");
    }
    if (tokensPerMinute != null && tokensPerMinute < 1) {
      throw new IllegalArgumentException("tokens_per_minute must be >= 1");
    }
  }
}
