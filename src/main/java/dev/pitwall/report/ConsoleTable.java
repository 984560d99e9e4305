package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.metrics.SloVerdict;
import dev.pitwall.text.Fmt;
import dev.pitwall.text.TextTable;
import dev.pitwall.text.TextTable.Align;
import java.util.List;

/**
 * The JMH-like table printed at the end of a run: one line per series × headline metric, with the
 * score ± its 99.9 % error, then pitwall's percentiles and counts. "(route)" is the provider the
 * cell asked for ("auto" under free routing), which tells a pinned cell from a routed one served by
 * the same provider. Text columns are left-aligned, numbers right-aligned, so columns of figures
 * can be compared by eye.
 */
public final class ConsoleTable {
  private static final List<String> HEADER =
      List.of(
          "Benchmark",
          "(model)",
          "(provider)",
          "(route)",
          "Mode",
          "Cnt",
          "Score",
          "",
          "Error",
          "Units",
          "p50",
          "p90",
          "p99",
          "Calls",
          "OK",
          "Err%");

  /** Text left (the four key columns, "Mode" and "Units"), figures (and "±") right. */
  private static final List<Align> ALIGNS =
      List.of(
          Align.LEFT,
          Align.LEFT,
          Align.LEFT,
          Align.LEFT,
          Align.LEFT,
          Align.RIGHT,
          Align.RIGHT,
          Align.RIGHT,
          Align.RIGHT,
          Align.LEFT,
          Align.RIGHT,
          Align.RIGHT,
          Align.RIGHT,
          Align.RIGHT,
          Align.RIGHT,
          Align.RIGHT);

  private ConsoleTable() {}

  public static String render(RunResult result) {
    TextTable table = TextTable.of(ALIGNS).header(HEADER);
    for (SeriesResult s : result.series()) {
      for (Metric metric : ReportContext.HEADLINE) {
        MetricResult m = s.metric(metric);
        Score score = m.score();
        table.row(
            List.of(
                ReportContext.rowName(result.info().suite(), s.key(), metric),
                s.key().model(),
                s.key().servedProvider(),
                s.key().requestedProvider(),
                "sample",
                Integer.toString(score.iterations()),
                orDash(Fmt.fixed(score.mean(), 3)),
                "±",
                Fmt.jmh(score.error(), 3),
                metric.jmhUnit(),
                orDash(Fmt.fixed(m.percentile(50), 3)),
                orDash(Fmt.fixed(m.percentile(90), 3)),
                orDash(Fmt.fixed(m.percentile(99), 3)),
                Long.toString(s.outcomes().total()),
                Long.toString(s.successes()),
                Fmt.fixed(s.outcomes().errorRate() * 100, 1)));
      }
    }
    if (result.series().isEmpty()) {
      return "No measured calls: nothing to tabulate.\n";
    }
    return table.render();
  }

  /** One line per SLO verdict, failures first, or "" when there are no SLOs. */
  public static String renderVerdicts(List<SloVerdict> verdicts) {
    StringBuilder sb = new StringBuilder();
    verdicts.stream()
        .sorted((a, b) -> Boolean.compare(a.passed(), b.passed()))
        .forEach(
            v ->
                sb.append(v.passed() ? "  pass  " : "  FAIL  ")
                    .append(v.series().label())
                    .append(": ")
                    .append(v.describe())
                    .append('\n'));
    return sb.toString();
  }

  private static String orDash(String s) {
    return s.isEmpty() ? "-" : s;
  }
}
