package dev.pitwall.report;

import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.OutcomeCounts;
import dev.pitwall.metrics.ProviderNames;
import dev.pitwall.metrics.SeriesResult;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * Chart (d): measured attempts per served provider, stacked by outcome (ok, throttled, client
 * error, server error, timeout, ...). Attempts no provider answered (a 429 from the router, a
 * connection error) are grouped as "not served". Outcome colours are fixed: green is always ok.
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
    String title = "Outcomes of measured attempts per provider";
    Map<String, OutcomeCounts> byProvider = byProvider(ctx);
    if (byProvider.isEmpty()) {
      ChartPng.saveNote(
          ctx.runDir().resolve(FILE),
          ctx.result().info(),
          title,
          "No measured attempts",
          "the run ended before its first measurement iteration");
      return;
    }
    CategoryChart chart =
        BlankCharts.category(title, "served provider", "attempts", ChartTheme.WIDTH);
    chart.getStyler().setStacked(true);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    List<String> providers = new ArrayList<>(byProvider.keySet());
    for (Outcome o : Outcome.values()) {
      List<Long> counts = providers.stream().map(p -> byProvider.get(p).get(o)).toList();
      if (o == Outcome.OK || counts.stream().anyMatch(c -> c > 0)) {
        CategorySeries series = chart.addSeries(label(o), providers, counts);
        series.setFillColor(COLOURS.get(o));
      }
    }
    ChartPng.save(ctx.runDir().resolve(FILE), ctx.result().info(), chart);
  }

  /**
   * Outcome counts per provider. A pinned cell's unanswered attempts are filed under the slug it
   * asked for ("deepinfra") and its answers under the display name ("DeepInfra"): one bar for both,
   * named by the display name.
   */
  static Map<String, OutcomeCounts> byProvider(ReportContext ctx) {
    Map<String, OutcomeCounts> sums = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    for (SeriesResult s : ctx.result().series()) {
      String provider = s.key().servedProvider();
      String key = "unknown".equals(provider) ? NOT_SERVED : ProviderNames.spellingKey(provider);
      String name = "unknown".equals(provider) ? NOT_SERVED : provider;
      names.merge(key, name, (a, b) -> a.equals(a.toLowerCase(Locale.ROOT)) ? b : a);
      sums.merge(key, s.outcomes(), OutcomeCounts::plus);
    }
    Map<String, OutcomeCounts> ordered = new LinkedHashMap<>();
    sums.forEach((key, counts) -> ordered.put(names.get(key), counts));
    if (ordered.containsKey(NOT_SERVED)) {
      ordered.put(NOT_SERVED, ordered.remove(NOT_SERVED));
    }
    return ordered;
  }

  static String label(Outcome o) {
    String text = o.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return o == Outcome.THROTTLED ? "throttled (429)" : text;
  }
}
