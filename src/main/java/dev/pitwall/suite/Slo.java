package dev.pitwall.suite;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service-level objective that decides the exit code: {@code key} names a figure and {@code
 * limit} its highest acceptable value. Keys: {@code <metric>_p<percentile>_ms} (metric one of ttft,
 * ttfa, e2e, tpot, icl; e.g. {@code ttft_p95_ms}, {@code e2e_p99.9_ms}), {@code <metric>_mean_ms},
 * {@code error_rate}, {@code throttle_rate} (fractions 0–1), {@code cost_per_call_usd}, and {@code
 * output_speed_min} (tokens/s, a lowest acceptable value).
 */
public record Slo(String key, double limit) {
  public static final Pattern KEY =
      Pattern.compile(
          "(ttft|ttfa|e2e|tpot|icl)_(p\\d{1,2}(\\.\\d+)?|mean)_ms|error_rate|throttle_rate"
              + "|cost_per_call_usd|output_speed_min");

  public Slo {
    Objects.requireNonNull(key, "key");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "unknown SLO '"
              + key
              + "': use <metric>_p<N>_ms or <metric>_mean_ms (metric: ttft, ttfa, e2e, tpot,"
              + " icl), error_rate, throttle_rate, cost_per_call_usd or output_speed_min");
    }
    if (!(limit >= 0) || Double.isInfinite(limit)) {
      throw new IllegalArgumentException("SLO " + key + " needs a finite limit >= 0");
    }
  }

  /** True when a bigger measured value is better (the limit is a floor, not a ceiling). */
  public boolean isFloor() {
    return key.equals("output_speed_min");
  }
}
