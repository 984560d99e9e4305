package dev.pitwall.suite;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Rate limits and budget. Null means "no limit". {@code perProvider} maps a provider slug to the
 * limits of the calls whose route names it first (pinned or ordered cells); the global limits apply
 * on top.
 */
public record Limits(
    Integer requestsPerMinute,
    Integer tokensPerMinute,
    BigDecimal maxCostUsd,
    Map<String, ProviderLimits> perProvider) {
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
    perProvider = perProvider == null ? Map.of() : Map.copyOf(perProvider);
  }

  public Limits(Integer requestsPerMinute, Integer tokensPerMinute, BigDecimal maxCostUsd) {
    this(requestsPerMinute, tokensPerMinute, maxCostUsd, Map.of());
  }

  /** The limits for one provider slug, or null when the suite sets none for it. */
  public ProviderLimits forProvider(String provider) {
    return provider == null ? null : perProvider.get(provider);
  }
}
