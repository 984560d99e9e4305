package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.metrics.SloVerdict;
import dev.pitwall.text.Fmt;
import java.util.ArrayList;
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
  private static final int TEXT_COLUMNS = 5;
  private static final int UNIT_COLUMN = 9;

  private ConsoleTable() {}

  public static String render(RunResult result) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (SeriesResult s : result.series()) {
      for (Metric metric : ReportContext.HEADLINE) {
        MetricResult m = s.metric(metric);
        Score score = m.score();
        rows.add(
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
    return align(rows);
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

  private static String align(List<List<String>> rows) {
    int columns = HEADER.size();
    int[] width = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        String pad = " ".repeat(width[c] - cell.length());
        line.append(c < TEXT_COLUMNS || c == UNIT_COLUMN ? cell + pad : pad + cell);
        line.append(c == columns - 1 ? "" : "  ");
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
