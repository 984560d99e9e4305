package dev.pitwall.suite;

import java.math.BigDecimal;

/** Rate limits and budget. Null means "no limit". */
public record Limits(Integer requestsPerMinute, Integer tokensPerMinute, BigDecimal maxCostUsd) {
  public static final Limits NONE = new Limits(null, null, null);

  public Limits {
    if (requestsPerMinute != null && requestsPerMinute < 1) {
      throw new IllegalArgumentException("requests_per_minute must be >= 1");
    }
    if (tokensPerMinute != null && tokensPerMinute < 1) {
      throw new IllegalArgumentException("tokens_per_minute must be >= 1");
    }
    if (maxCostUsd != null && maxCostUsd.signum() <= 0) {
      throw new IllegalArgumentException("max_cost_usd must be > 0");
    }
  }
}
