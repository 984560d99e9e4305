package dev.pitwall.report;

import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.OutcomeCounts;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.text.Fmt;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chart (d): measured attempts per model, stacked by outcome (ok, throttled, client error, server
 * error, timeout, ...), as horizontal bars so long model names read whole; under a model served by
 * several providers, a thinner bar per provider. Attempts no provider answered (a 429 from the
 * router, a connection error) are the provider "not served". Worst success share first. Outcome
 * colours are fixed: green is always ok.
 */
final class OutcomesChart implements ReportFormat {
  static final String FILE = "charts/outcomes.png";
  static final String NOT_SERVED = "not served";

  private static final Map<Outcome, Color> COLOURS = new EnumMap<>(Outcome.class);

  static {
    COLOURS.put(Outcome.OK, new Color(0x2E, 0x7D, 0x32));
    COLOURS.put(Outcome.THROTTLED, new Color(0xF9, 0xA8, 0x25));
    COLOURS.put(Outcome.CLIENT_ERROR, new Color(0x8E, 0x24, 0xAA));
    COLOURS.put(Outcome.SERVER_ERROR, new Color(0xC6, 0x28, 0x28));
    COLOURS.put(Outcome.TIMEOUT, new Color(0x6D, 0x4C, 0x41));
    COLOURS.put(Outcome.CONNECT_ERROR, new Color(0x37, 0x47, 0x4F));
    COLOURS.put(Outcome.STREAM_ERROR, new Color(0xEF, 0x6C, 0x00));
    COLOURS.put(Outcome.INVALID, new Color(0xAD, 0x14, 0x57));
    COLOURS.put(Outcome.CANCELLED, new Color(0x90, 0xA4, 0xAE));
    COLOURS.put(Outcome.BUDGET_STOPPED, new Color(0xBD, 0xBD, 0xBD));
  }

  @Override
  public String fileName() {
    return FILE;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    String title = "Outcomes of measured attempts per model: " + ctx.result().info().suite();
    if (ctx.cells().isEmpty()) {
      ChartImages.saveNote(
          ctx,
          FILE,
          title,
          "No measured attempts",
          "the run ended before its first measurement iteration");
      return;
    }
    ChartImages.save(
        ctx,
        FILE,
        new RowChart(
            title,
            "measured attempts",
            RowChart.Style.BARS,
            rows(ctx),
            legend(ctx.result().outcomes()),
            v -> Fmt.fixed(v, 0),
            Double.NaN,
            ""));
  }

  /** A row per cell, worst success share first, and under it one per provider when several. */
  static List<RowChart.Row> rows(ReportContext ctx) {
    List<RowChart.Row> rows = new ArrayList<>();
    List<SeriesResult> cells =
        ctx.cells().stream().sorted(Comparator.comparingDouble(OutcomesChart::okShare)).toList();
    for (SeriesResult cell : cells) {
      rows.add(row(cell.key().label(), false, cell.outcomes()));
      List<SeriesResult> providers = ctx.providersOf(cell.key());
      if (providers.size() > 1) {
        for (SeriesResult s : providers) {
          rows.add(row(provider(s), true, s.outcomes()));
        }
      }
    }
    return rows;
  }

  static String provider(SeriesResult s) {
    String p = s.key().servedProvider();
    return "unknown".equals(p) ? NOT_SERVED : p;
  }

  private static double okShare(SeriesResult s) {
    long total = s.outcomes().total();
    return total == 0 ? 1 : (double) s.successes() / total;
  }

  private static RowChart.Row row(String label, boolean indented, OutcomeCounts counts) {
    List<RowChart.Segment> segments = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      if (counts.get(o) > 0) {
        segments.add(new RowChart.Segment(counts.get(o), COLOURS.get(o)));
      }
    }
    String text = counts.total() + (counts.total() == 1 ? " attempt" : " attempts");
    if (counts.failures() > 0) {
      text += ", " + Fmt.percent(counts.errorRate()) + " failed";
    }
    return new RowChart.Row(label, indented, segments, Double.NaN, Double.NaN, text);
  }

  private static List<RowChart.Key> legend(OutcomeCounts all) {
    List<RowChart.Key> keys = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      if (o == Outcome.OK || all.get(o) > 0) {
        keys.add(new RowChart.Key(label(o), COLOURS.get(o)));
      }
    }
    return keys;
  }

  static String label(Outcome o) {
    String text = o.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return o == Outcome.THROTTLED ? "throttled (429)" : text;
  }
}
