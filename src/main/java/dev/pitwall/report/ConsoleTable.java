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
import java.util.ArrayList;
import java.util.List;

/**
 * The JMH-like tables printed at the end of a run, model first: one line per cell (the model, or
 * "model@provider" for a pinned cell, all its providers merged) × headline metric, then the same
 * per served provider ("…:by_provider"). Each line has the score ± its 99.9 % error ("n/a" below
 * three iterations), then pitwall's percentiles and counts. "(route)" is the provider the cell
 * asked for ("auto" under free routing). Text columns are left-aligned, numbers right-aligned, so
 * columns of figures can be compared by eye.
 */
public final class ConsoleTable {
  private static final List<String> FIGURES =
      List.of(
          "Mode", "Cnt", "Score", "", "Error", "Units", "p50", "p90", "p99", "Calls", "OK", "Err%");

  private static final List<Align> FIGURE_ALIGNS =
      List.of(
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
    if (result.series().isEmpty()) {
      return "No measured calls: nothing to tabulate.\n";
    }
    String suite = result.info().suite();
    return table(suite, result.cells(), List.of("Benchmark", "(model)"))
        + "\nPer served provider:\n"
        + table(suite, result.series(), List.of("Benchmark", "(model)", "(provider)", "(route)"));
  }

  private static String table(String suite, List<SeriesResult> results, List<String> keys) {
    List<Align> aligns = new ArrayList<>();
    keys.forEach(k -> aligns.add(Align.LEFT));
    aligns.addAll(FIGURE_ALIGNS);
    List<String> header = new ArrayList<>(keys);
    header.addAll(FIGURES);
    TextTable table = TextTable.of(aligns).header(header);
    for (SeriesResult s : results) {
      for (Metric metric : ReportContext.HEADLINE) {
        List<String> row = new ArrayList<>();
        row.add(ReportContext.rowName(suite, s.key(), metric));
        row.add(s.key().isCell() ? s.key().cellLabel() : s.key().model());
        if (keys.size() > 2) {
          row.add(s.key().servedProvider());
          row.add(s.key().requestedProvider());
        }
        row.addAll(figures(s, metric));
        table.row(row);
      }
    }
    return table.render();
  }

  private static List<String> figures(SeriesResult s, Metric metric) {
    MetricResult m = s.metric(metric);
    Score score = m.score();
    return List.of(
        "sample",
        Integer.toString(score.iterations()),
        orDash(Fmt.fixed(score.mean(), 3)),
        "±",
        score.errorText(3),
        metric.jmhUnit(),
        orDash(Fmt.fixed(m.percentile(50), 3)),
        orDash(Fmt.fixed(m.percentile(90), 3)),
        orDash(Fmt.fixed(m.percentile(99), 3)),
        Long.toString(s.outcomes().total()),
        Long.toString(s.successes()),
        Fmt.fixed(s.outcomes().errorRate() * 100, 1));
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
