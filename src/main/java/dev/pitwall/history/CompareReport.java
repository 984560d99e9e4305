package dev.pitwall.history;

import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.report.ChartImages;
import dev.pitwall.report.ChartTheme;
import dev.pitwall.report.RowChart;
import dev.pitwall.text.TextTable;
import dev.pitwall.text.TextTable.Align;
import java.awt.Color;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The outputs of {@code pitwall compare}: a console table, compare.csv (every row), compare.md (a
 * verdict first, then the changes, then the headline figures) and charts/compare.png (the relative
 * change of the headline latencies, speed and cost as dots with intervals, red where regressed,
 * green where improved). Tables read as benchstat's: one line per series and measure, old ± err,
 * new ± err, change, p, verdict.
 */
public final class CompareReport {
  public static final String CSV = "compare.csv";
  public static final String MARKDOWN = "compare.md";
  public static final String CHART = "charts/compare.png";

  /** The measures every table shows; others appear only when their verdict is not unchanged. */
  static final Set<Measure> HEADLINE =
      EnumSet.of(
          Measure.TTFT,
          Measure.E2E,
          Measure.OUTPUT_SPEED,
          Measure.ERROR_RATE,
          Measure.COST_PER_CALL);

  static final List<String> CSV_HEADER =
      List.of(
          "cell",
          "prompt",
          "model",
          "requested_provider",
          "served_provider",
          "metric",
          "unit",
          "baseline_score",
          "baseline_error",
          "baseline_iterations",
          "current_score",
          "current_error",
          "current_iterations",
          "difference",
          "relative_difference",
          "p_value",
          "confidence",
          "threshold",
          "verdict",
          "current_run",
          "baseline_runs");

  private CompareReport() {}

  /** Writes compare.csv, compare.md and charts/compare.png into {@code dir}. */
  public static List<String> writeAll(Path dir, CompareResult r) throws IOException {
    return writeAll(dir, r, List.of());
  }

  /** As {@link #writeAll(Path, CompareResult)}, embedding the given trend charts in compare.md. */
  public static List<String> writeAll(Path dir, CompareResult r, List<String> trendCharts)
      throws IOException {
    Files.createDirectories(dir);
    writeCsv(dir.resolve(CSV), r);
    Files.writeString(dir.resolve(MARKDOWN), markdown(r, trendCharts), StandardCharsets.UTF_8);
    writeChart(dir.resolve(CHART), r);
    return List.of(CSV, MARKDOWN, CHART);
  }

  static List<Comparison> shown(CompareResult r) {
    return r.rows().stream()
        .filter(c -> HEADLINE.contains(c.measure()) || c.verdict() != Verdict.UNCHANGED)
        .toList();
  }

  /** A fixed-width table for the console, followed by the verdict line. */
  public static String console(CompareResult r) {
    // Series and metric names left, figures right, the verdict word left.
    TextTable table =
        TextTable.of(
                Align.LEFT,
                Align.LEFT,
                Align.RIGHT,
                Align.RIGHT,
                Align.RIGHT,
                Align.RIGHT,
                Align.LEFT)
            .header("series", "metric", "old ± err", "new ± err", "change", "p", "verdict");
    for (Comparison c : shown(r)) {
      table.row(
          c.series().label(),
          c.measure().id(),
          score(c.baseline(), c.measure()),
          score(c.current(), c.measure()),
          change(c),
          p(c.pValue()),
          c.verdict() == Verdict.REGRESSED ? "REGRESSED" : c.verdict().text());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(header(r)).append('\n');
    sb.append(table.render());
    r.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
    sb.append(summary(r)).append('\n');
    return sb.toString();
  }

  static String header(CompareResult r) {
    String base =
        r.baseline().size() == 1
            ? "run " + r.baseline().get(0).runId()
            : "the trailing "
                + r.baseline().size()
                + " runs ("
                + r.baseline().get(0).runId()
                + " … "
                + r.baseline().get(r.baseline().size() - 1).runId()
                + ")";
    return String.format(
        Locale.ROOT,
        "# compare %s: run %s against %s; Welch's t-test at %s %% confidence",
        r.current().suite(),
        r.current().runId(),
        base,
        trim(r.options().confidence() * 100));
  }

  static String summary(CompareResult r) {
    if (r.regressed()) {
      return "REGRESSED: "
          + r.regressions().stream()
              .map(c -> c.series().label() + " " + c.measure().id() + " " + change(c))
              .collect(Collectors.joining("; "));
    }
    return String.format(
        Locale.ROOT,
        "no regression (%d improved, %d unchanged, %d new, %d missing)",
        r.count(Verdict.IMPROVED),
        r.count(Verdict.UNCHANGED),
        r.count(Verdict.NEW),
        r.count(Verdict.MISSING));
  }

  static void writeCsv(Path file, CompareResult r) throws IOException {
    String baselineRuns =
        r.baseline().stream().map(RunStamp::runId).collect(Collectors.joining(";"));
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter out =
            new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      out.printRecord(CSV_HEADER);
      for (Comparison c : r.rows()) {
        SeriesKey k = c.series();
        out.printRecord(
            k.cellId(),
            k.promptId(),
            k.model(),
            k.requestedProvider(),
            k.servedProvider(),
            c.measure().id(),
            c.measure().unit(),
            c.baseline() == null ? "" : HistoryCsv.number(c.baseline().mean()),
            c.baseline() == null ? "" : HistoryCsv.number(c.baseline().error()),
            c.baseline() == null ? "" : c.baseline().iterations(),
            c.current() == null ? "" : HistoryCsv.number(c.current().mean()),
            c.current() == null ? "" : HistoryCsv.number(c.current().error()),
            c.current() == null ? "" : c.current().iterations(),
            HistoryCsv.number(c.difference()),
            HistoryCsv.number(c.relativeDifference()),
            HistoryCsv.number(c.pValue()),
            trim(r.options().confidence()),
            c.threshold().toString(),
            c.verdict().text(),
            r.current().runId(),
            baselineRuns);
      }
    }
  }

  static String markdown(CompareResult r, List<String> trendCharts) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(header(r).substring(2)).append("\n\n");
    md.append("**").append(summary(r)).append("**\n\n");
    if (r.current().simulated()) {
      md.append("> SIMULATED: both sides ran on pitwall's built-in simulator.\n\n");
    }
    md.append(
        "A change is a regression when it is worse than its threshold and Welch's t-test over the"
            + " iteration scores finds it significant; noise alone stays unchanged.\n\n");
    List<Comparison> changed =
        r.rows().stream().filter(c -> c.verdict() != Verdict.UNCHANGED).toList();
    if (!changed.isEmpty()) {
      md.append("## Changes\n\n");
      table(md, changed);
    }
    md.append("## Headline figures\n\n");
    table(md, r.rows().stream().filter(c -> HEADLINE.contains(c.measure())).toList());
    md.append("![relative change of the headline figures](").append(CHART).append(")\n\n");
    if (!trendCharts.isEmpty()) {
      md.append("## Trends\n\n");
      md.append(
          "Each series over the recent runs: score with its 99.9 % confidence interval; red rings"
              + " mark runs that regressed against the runs before them.\n\n");
      for (String chart : trendCharts) {
        md.append("![").append(chart).append("](").append(chart).append(")\n\n");
      }
    }
    if (!r.notes().isEmpty()) {
      md.append("## Notes\n\n");
      r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
      md.append('\n');
    }
    md.append("Baseline runs: ")
        .append(r.baseline().stream().map(RunStamp::runId).collect(Collectors.joining(", ")))
        .append(". Thresholds: ")
        .append(
            r.options().thresholds().entrySet().stream()
                .map(e -> e.getKey().id() + " " + e.getValue())
                .collect(Collectors.joining(", ")))
        .append(".\n");
    return md.toString();
  }

  private static void table(StringBuilder md, List<Comparison> rows) {
    md.append("| series | metric | old ± err | new ± err | change | p | threshold | verdict |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---|\n");
    for (Comparison c : rows) {
      md.append("| ")
          .append(c.series().label().replace("|", "\\|"))
          .append(" | ")
          .append(c.measure().id())
          .append(" | ")
          .append(score(c.baseline(), c.measure()))
          .append(" | ")
          .append(score(c.current(), c.measure()))
          .append(" | ")
          .append(change(c))
          .append(" | ")
          .append(p(c.pValue()))
          .append(" | ")
          .append(c.threshold())
          .append(" | ")
          .append(c.verdict() == Verdict.REGRESSED ? "**regressed**" : c.verdict().text())
          .append(" |\n");
    }
    md.append('\n');
  }

  /**
   * charts/compare.png: a dot-and-interval plot, one row per series and headline measure, the new
   * score relative to the old one (0 % = unchanged) with its 99.9 % interval (none below three
   * iterations), red where regressed, green where improved, grey otherwise; sorted by the change.
   */
  static void writeChart(Path file, CompareResult r) throws IOException {
    // The model level where a cell has one, its providers only when they changed: a row per
    // provider and measure would shrink the rows past reading.
    Set<String> cellsWithModelLevel =
        r.rows().stream()
            .filter(c -> c.series().isCell())
            .map(c -> c.series().cellId())
            .collect(Collectors.toSet());
    List<Comparison> rows =
        r.rows().stream()
            // Rates are judged in points, not percent: a 0.5 % → 10 % error rate would dwarf all.
            .filter(
                c ->
                    HEADLINE.contains(c.measure())
                        && c.threshold().relative()
                        && !Double.isNaN(c.relativeDifference()))
            .filter(
                c ->
                    c.series().isCell()
                        || !cellsWithModelLevel.contains(c.series().cellId())
                        || c.verdict() != Verdict.UNCHANGED)
            .sorted(java.util.Comparator.comparingDouble(Comparison::relativeDifference))
            .toList();
    String title = "Change against the baseline: " + r.current().suite();
    if (rows.isEmpty()) {
      ChartImages.saveNote(
          file, r.current().toInfo(), title, "Nothing to compare", "no series in both runs");
      return;
    }
    // The axis fits the changes, not the intervals: with few iterations an interval can span
    // ±500 % and would squeeze every dot onto the zero line. Longer intervals are cut and say so.
    double limit =
        Math.max(
            20,
            2
                * rows.stream().mapToDouble(c -> Math.abs(c.relativeDifference())).max().orElse(0)
                * 100);
    List<RowChart.Row> chartRows = new ArrayList<>();
    for (Comparison c : rows) {
      double base = Math.abs(c.baseline().mean());
      Score now = c.current();
      double change = c.relativeDifference() * 100;
      double low = now.hasInterval() ? change - now.error() / base * 100 : Double.NaN;
      double high = now.hasInterval() ? change + now.error() / base * 100 : Double.NaN;
      boolean cut = low < -limit || high > limit;
      chartRows.add(
          new RowChart.Row(
              c.series().label() + "  " + c.measure().id(),
              false,
              List.of(new RowChart.Segment(change, colour(c.verdict()))),
              Math.max(-limit, low),
              Math.min(limit, high),
              change(c)
                  + ", p "
                  + p(c.pValue())
                  + ", "
                  + c.verdict().text()
                  + (cut ? " (CI cut)" : "")));
    }
    ChartImages.save(
        file,
        r.current().toInfo(),
        new RowChart(
            title,
            "new score relative to the old (%), line = 99.9 % CI of the new score",
            RowChart.Style.DOTS,
            chartRows,
            List.of(
                new RowChart.Key("regressed", ChartTheme.ALERT),
                new RowChart.Key("improved", IMPROVED),
                new RowChart.Key("unchanged", UNCHANGED)),
            v -> String.format(Locale.ROOT, "%+.0f %%", v),
            0,
            ""),
        1);
  }

  private static final Color IMPROVED = new Color(0x2E, 0x7D, 0x32);
  private static final Color UNCHANGED = new Color(0x75, 0x75, 0x75);

  private static Color colour(Verdict v) {
    return v == Verdict.REGRESSED ? ChartTheme.ALERT : v == Verdict.IMPROVED ? IMPROVED : UNCHANGED;
  }

  static String score(Score s, Measure m) {
    if (s == null || Double.isNaN(s.mean())) {
      return "-";
    }
    // benchstat's "old ± err": the interval only from three iterations on, else why not
    return s.hasInterval()
        ? fmt(s.mean(), m) + " ± " + fmt(s.error(), m) + " " + m.unit()
        : fmt(s.mean(), m) + " " + m.unit() + " ± " + s.errorText(1);
  }

  static String fmt(double v, Measure m) {
    if (m.unit().equals("ratio")) {
      return String.format(Locale.ROOT, "%.4f", v);
    }
    if (m.unit().equals("USD")) {
      return HistoryCsv.number(Math.round(v * 1e8) / 1e8);
    }
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String change(Comparison c) {
    double rel = c.relativeDifference();
    if (!Double.isNaN(rel) && c.threshold().relative()) {
      return String.format(Locale.ROOT, "%+.1f %%", rel * 100);
    }
    double d = c.difference();
    return Double.isNaN(d) ? "-" : (d >= 0 ? "+" : "") + fmt(d, c.measure());
  }

  static String p(double p) {
    return Double.isNaN(p) ? "n/a" : p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
  }

  private static String trim(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
