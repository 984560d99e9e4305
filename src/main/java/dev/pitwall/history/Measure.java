package dev.pitwall.history;

import dev.pitwall.metrics.Metric;
import java.util.Locale;

/**
 * A figure tracked night after night and compared between runs: every latency {@link Metric}, plus
 * the rates and the prices that have no histogram (error rate, throttle rate, cost per call, cost
 * per million output tokens: the second moves with the price alone, not with answer length). Each
 * has a direction (is bigger better?) and a default {@link Threshold}: a change smaller than it is
 * never a regression, however significant.
 */
public enum Measure {
  TTFT(Metric.TTFT, Threshold.relative(0.10)),
  TTFA(Metric.TTFA, Threshold.relative(0.10)),
  E2E(Metric.E2E, Threshold.relative(0.10)),
  TPOT(Metric.TPOT, Threshold.relative(0.10)),
  ICL(Metric.ICL, Threshold.relative(0.15)),
  OUTPUT_SPEED(Metric.OUTPUT_SPEED, Threshold.relative(0.10)),
  DISPATCH_DELAY(Metric.DISPATCH_DELAY, Threshold.relative(1.00)),
  TTFT_SCHEDULED(Metric.TTFT_SCHEDULED, Threshold.relative(0.10)),
  E2E_SCHEDULED(Metric.E2E_SCHEDULED, Threshold.relative(0.10)),
  CALL_E2E(Metric.CALL_E2E, Threshold.relative(0.10)),
  ERROR_RATE("error_rate", "failed ÷ attempted", "ratio", false, Threshold.absolute(0.02)),
  THROTTLE_RATE("throttle_rate", "429s ÷ attempted", "ratio", false, Threshold.absolute(0.05)),
  COST_PER_CALL(
      "cost_per_call", "cost per successful call", "USD", false, Threshold.relative(0.10)),
  COST_PER_MTOK(
      "cost_per_mtok", "cost per million output tokens", "USD", false, Threshold.relative(0.02));

  private final Metric metric;
  private final String id;
  private final String label;
  private final String unit;
  private final boolean biggerIsBetter;
  private final Threshold threshold;

  Measure(Metric metric, Threshold threshold) {
    this(metric, metric.id(), metric.label(), metric.unit(), metric.biggerIsBetter(), threshold);
  }

  Measure(String id, String label, String unit, boolean biggerIsBetter, Threshold threshold) {
    this(null, id, label, unit, biggerIsBetter, threshold);
  }

  Measure(
      Metric metric,
      String id,
      String label,
      String unit,
      boolean biggerIsBetter,
      Threshold threshold) {
    this.metric = metric;
    this.id = id;
    this.label = label;
    this.unit = unit;
    this.biggerIsBetter = biggerIsBetter;
    this.threshold = threshold;
  }

  /** The histogram metric behind this measure, or null for a rate or a price. */
  public Metric metric() {
    return metric;
  }

  /** The snake_case name of history.csv, compare.csv and the {@code --threshold} option. */
  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }

  public boolean biggerIsBetter() {
    return biggerIsBetter;
  }

  public Threshold defaultThreshold() {
    return threshold;
  }

  /** The measure named {@code id} (as in history.csv), case-insensitive. */
  public static Measure byId(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    for (Measure m : values()) {
      if (m.id.equals(wanted)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown measure '" + id + "'; known: " + String.join(", ", ids()));
  }

  static java.util.List<String> ids() {
    return java.util.Arrays.stream(values()).map(Measure::id).toList();
  }
}
