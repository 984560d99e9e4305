package dev.pitwall.metrics;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything measured for one series over the measurement iterations (warmup excluded).
 *
 * @param goodCalls successes that met every SLO on their own (goodput's numerator)
 * @param measuredSeconds the measured window, used for throughput and goodput
 * @param byokCalls attempts the provider served on the user's own key ({@code usage.is_byok}):
 *     their cost is OpenRouter's fee plus the provider's bill
 */
public record SeriesResult(
    SeriesKey key,
    Map<Metric, MetricResult> metrics,
    OutcomeCounts outcomes,
    long promptTokens,
    long completionTokens,
    BigDecimal costUsd,
    long goodCalls,
    double measuredSeconds,
    long byokCalls) {

  public SeriesResult {
    Objects.requireNonNull(key, "key");
    metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
    Objects.requireNonNull(outcomes, "outcomes");
    costUsd = costUsd == null ? BigDecimal.ZERO : costUsd;
  }

  public MetricResult metric(Metric metric) {
    return metrics.get(metric);
  }

  public long successes() {
    return outcomes.get(Outcome.OK);
  }

  /** Mean cost of a successful call in USD, or null when none succeeded. */
  public BigDecimal costPerCall() {
    long ok = successes();
    return ok == 0 ? null : costUsd.divide(BigDecimal.valueOf(ok), java.math.MathContext.DECIMAL64);
  }

  /** Cost per million output tokens in USD, or null when no output token was counted. */
  public BigDecimal costPerMillionOutputTokens() {
    return completionTokens == 0
        ? null
        : costUsd
            .multiply(BigDecimal.valueOf(1_000_000))
            .divide(BigDecimal.valueOf(completionTokens), java.math.MathContext.DECIMAL64);
  }

  /** Requests meeting every SLO ÷ measured window, requests per second. */
  public double goodputPerSecond() {
    return measuredSeconds <= 0 ? Double.NaN : goodCalls / measuredSeconds;
  }

  /** The share of attempts that met every SLO (SLO attainment), 0–1, NaN with no attempt. */
  public double sloAttainment() {
    long attempted = outcomes.attempted();
    return attempted == 0 ? Double.NaN : (double) goodCalls / attempted;
  }

  /** Σ output tokens of successes ÷ measured window, tokens per second. */
  public double throughputTokensPerSecond() {
    return measuredSeconds <= 0 ? Double.NaN : completionTokens / measuredSeconds;
  }
}
