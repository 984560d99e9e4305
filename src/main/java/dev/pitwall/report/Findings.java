package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.ProviderNames;
import dev.pitwall.metrics.RunFailures;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.metrics.SloVerdict;
import dev.pitwall.text.Fmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Findings computed from a run's data, one sentence each, for report.md: the answer per model (the
 * fastest time to first token and output speed, the cheapest per 1M output tokens, the most
 * errors), then per provider: fallbacks, data-policy violations (served providers outside the
 * suite's allowed list), SLO failures, errors and throttling. Nothing here is an opinion: each
 * sentence states a figure and where it came from.
 */
final class Findings {
  private Findings() {}

  /**
   * The answer a reader asking "which model" wants, one line each, per cell (all providers merged):
   * fastest median TTFT, fastest median output speed, cheapest per 1M output tokens, and the most
   * errors (or that there were none).
   */
  static List<String> answer(ReportContext ctx) {
    List<String> out = new ArrayList<>();
    List<SeriesResult> cells = ctx.cells();
    best(cells, Metric.TTFT, false)
        .ifPresent(
            s ->
                out.add(
                    "Fastest time to first token: **"
                        + s.key().label()
                        + "**, median "
                        + Fmt.fixed(s.metric(Metric.TTFT).percentile(50), 1)
                        + " ms (p99 "
                        + Fmt.fixed(s.metric(Metric.TTFT).percentile(99), 1)
                        + " ms)."));
    best(cells, Metric.OUTPUT_SPEED, true)
        .ifPresent(
            s ->
                out.add(
                    "Fastest output: **"
                        + s.key().label()
                        + "**, median "
                        + Fmt.fixed(s.metric(Metric.OUTPUT_SPEED).percentile(50), 1)
                        + " tokens/s."));
    cells.stream()
        .filter(s -> s.costPerMillionOutputTokens() != null && s.costUsd().signum() > 0)
        .min(Comparator.comparing(SeriesResult::costPerMillionOutputTokens))
        .ifPresent(
            s ->
                out.add(
                    "Cheapest per 1M output tokens: **"
                        + s.key().label()
                        + "**, $"
                        + Fmt.money(s.costPerMillionOutputTokens(), 4)
                        + " ($"
                        + Fmt.money(s.costPerCall(), 6)
                        + " per call)."));
    cells.stream()
        .filter(s -> s.outcomes().failures() > 0)
        .max(Comparator.comparingDouble(s -> s.outcomes().errorRate()))
        .ifPresentOrElse(
            s -> out.add("Most errors: **" + s.key().label() + "**, " + failed(s) + "."),
            () -> {
              if (!cells.isEmpty()) {
                out.add("Errors: none of the measured attempts failed.");
              }
            });
    return out;
  }

  /**
   * What else a reader should know, per provider: fallbacks, data-policy violations, failed SLOs,
   * errors, throttling, no success at all.
   */
  static List<String> of(ReportContext ctx) {
    List<String> out = new ArrayList<>();
    List<SeriesResult> series = ctx.result().series();
    ProviderNames names = ctx.suite().providerNames();
    for (SeriesResult s : series) {
      SeriesKey k = s.key();
      if (isFallback(k, names)) {
        out.add(
            "Fallback: cell `"
                + k.cellId()
                + "` asked for "
                + k.requestedProvider()
                + " but **"
                + k.servedProvider()
                + "** served "
                + s.outcomes().total()
                + " measured attempt(s).");
      }
    }
    for (RunFailures.PolicyViolation v :
        RunFailures.policyViolations(ctx.result(), ctx.suite().allowedProviders(), names)) {
      SeriesResult s = v.series();
      out.add(
          "Data-policy violation: **"
              + s.key().servedProvider()
              + "** served "
              + s.outcomes().total()
              + " measured attempt(s) of "
              + s.key().model()
              + " but is not in allowed_providers "
              + v.allowed()
              + ".");
    }
    RunFailures.failedCells(ctx.result())
        .keySet()
        .forEach(cell -> out.add("**Cell `" + cell + "` failed**: no measured call succeeded."));
    for (SloVerdict v : ctx.verdicts()) {
      if (!v.passed()) {
        out.add("SLO failed for " + v.series().label() + ": " + v.describe() + ".");
      }
    }
    for (SeriesResult s : series) {
      long failures = s.outcomes().failures();
      if (failures > 0) {
        out.add("Errors: " + s.key().label() + ", " + failed(s) + ".");
      }
    }
    long throttled = ctx.result().outcomes().get(Outcome.THROTTLED);
    if (throttled > 0) {
      out.add(
          "Throttling: "
              + throttled
              + " measured attempt(s) got HTTP 429; they count apart from errors.");
    }
    if (ctx.result().outcomes().get(Outcome.OK) == 0) {
      out.add("**No measured call succeeded**: latency, speed and cost figures are absent.");
    }
    return out;
  }

  /** "3 of 12 attempts failed (25.0 %: 9 ok, 3 server error)". */
  private static String failed(SeriesResult s) {
    return s.outcomes().failures()
        + " of "
        + s.outcomes().attempted()
        + " attempts failed ("
        + Fmt.percent(s.outcomes().errorRate())
        + ": "
        + ChartLabels.outcomes(s.outcomes())
        + ")";
  }

  static boolean isFallback(SeriesKey k, ProviderNames names) {
    return !"auto".equals(k.requestedProvider())
        && !"unknown".equals(k.servedProvider())
        && !names.same(k.requestedProvider(), k.servedProvider());
  }

  private static Optional<SeriesResult> best(
      List<SeriesResult> series, Metric metric, boolean biggerIsBetter) {
    Comparator<SeriesResult> byMedian =
        Comparator.comparingDouble(s -> s.metric(metric).percentile(50));
    List<SeriesResult> measured =
        series.stream().filter(s -> s.metric(metric).count() > 0).toList();
    return biggerIsBetter ? measured.stream().max(byMedian) : measured.stream().min(byMedian);
  }
}
