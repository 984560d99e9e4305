package dev.pitwall.metrics;

import dev.pitwall.suite.Slo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates a suite's SLOs against every series of a run: one {@link SloVerdict} per series × SLO.
 * Percentiles come from the merged histogram of the measurement iterations, means from the same
 * histogram, rates from the outcome counts. {@code output_speed_min} is checked against the mean
 * output speed of the series' successful calls.
 *
 * <p>A figure with no value (no successful call, no cost) fails its SLO: nothing shows it was met.
 * One exception: attempts that never reached a provider (served provider "unknown", e.g. 429s from
 * the router) form a series with no successes; only the rate SLOs judge it, since latency and cost
 * of a provider cannot be measured on calls no provider saw.
 */
public final class SloGate {
  private static final Pattern LATENCY =
      Pattern.compile("(ttft|ttfa|e2e|tpot|icl)_(?:p(\\d{1,2}(?:\\.\\d+)?)|(mean))_ms");

  private SloGate() {}

  public static List<SloVerdict> evaluate(RunResult result, List<Slo> slos) {
    return evaluate(result.series(), slos);
  }

  /**
   * Verdicts on any level of results: the providers' series (what the exit code judges) or the
   * cells of {@link RunResult#cells()} (what the report's model rows show).
   */
  public static List<SloVerdict> evaluate(List<SeriesResult> results, List<Slo> slos) {
    List<SloVerdict> verdicts = new ArrayList<>();
    for (SeriesResult series : results) {
      boolean neverServed =
          series.successes() == 0 && "unknown".equals(series.key().servedProvider());
      for (Slo slo : slos) {
        if (neverServed && !isRate(slo)) {
          continue;
        }
        double measured = measure(series, slo.key());
        boolean passed =
            !Double.isNaN(measured)
                && (slo.isFloor() ? measured >= slo.limit() : measured <= slo.limit());
        verdicts.add(new SloVerdict(series.key(), slo, measured, passed));
      }
    }
    return List.copyOf(verdicts);
  }

  public static boolean allPassed(List<SloVerdict> verdicts) {
    return verdicts.stream().allMatch(SloVerdict::passed);
  }

  private static boolean isRate(Slo slo) {
    return slo.key().equals("error_rate") || slo.key().equals("throttle_rate");
  }

  /** The series' value of the figure an SLO key names, NaN when there is none. */
  static double measure(SeriesResult series, String key) {
    Matcher m = LATENCY.matcher(key);
    if (m.matches()) {
      MetricResult metric = series.metric(Metric.valueOf(m.group(1).toUpperCase(Locale.ROOT)));
      if (metric == null) {
        return Double.NaN;
      }
      return m.group(3) != null ? metric.mean() : metric.percentile(Double.parseDouble(m.group(2)));
    }
    return switch (key) {
      case "error_rate" ->
          series.outcomes().attempted() == 0 ? Double.NaN : series.outcomes().errorRate();
      case "throttle_rate" ->
          series.outcomes().attempted() == 0 ? Double.NaN : series.outcomes().throttleRate();
      case "cost_per_call_usd" -> {
        BigDecimal perCall = series.costPerCall();
        yield perCall == null ? Double.NaN : perCall.doubleValue();
      }
      case "output_speed_min" -> {
        MetricResult speed = series.metric(Metric.OUTPUT_SPEED);
        yield speed == null ? Double.NaN : speed.mean();
      }
      default -> throw new IllegalArgumentException("unknown SLO key " + key);
    };
  }
}
