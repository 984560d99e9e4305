package dev.pitwall.report;

import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.text.Fmt;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chart (e): cost per 1M output tokens per model, USD, cheapest first, as horizontal bars named on
 * the left and labelled with both figures (per 1M output tokens and per successful call); under a
 * model served by several providers, a bar per provider in a shade of the model's colour.
 */
final class CostChart implements ReportFormat {
  static final String FILE = "charts/cost.png";

  @Override
  public String fileName() {
    return FILE;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    String title = "Cost per 1M output tokens (USD): " + ctx.result().info().suite();
    List<SeriesResult> priced = ctx.cells().stream().filter(CostChart::priced).toList();
    if (priced.isEmpty()) {
      ChartImages.saveNote(
          ctx,
          FILE,
          title,
          ctx.result().outcomes().get(Outcome.OK) == 0 ? "No successful calls" : "No cost reported",
          "no successful measured call carried a cost (usage.cost or model pricing)");
      return;
    }
    ModelColours colours = ModelColours.of(ctx);
    Comparator<SeriesResult> cheapest =
        Comparator.comparing(SeriesResult::costPerMillionOutputTokens);
    List<RowChart.Row> rows = new ArrayList<>();
    for (SeriesResult cell : priced.stream().sorted(cheapest).toList()) {
      rows.add(row(cell, cell.key().label(), false, colours));
      List<SeriesResult> providers =
          ctx.providersOf(cell.key()).stream().filter(CostChart::priced).sorted(cheapest).toList();
      if (providers.size() > 1) {
        providers.forEach(s -> rows.add(row(s, s.key().servedProvider(), true, colours)));
      }
    }
    double highest =
        priced.stream()
            .mapToDouble(s -> s.costPerMillionOutputTokens().doubleValue())
            .max()
            .orElse(0);
    int decimals = highest < 1 ? 3 : highest < 10 ? 2 : 0;
    ChartImages.save(
        ctx,
        FILE,
        new RowChart(
            title,
            "USD per 1M output tokens (label: also per successful call)",
            RowChart.Style.BARS,
            rows,
            List.of(),
            v -> "$" + Fmt.fixed(v, decimals),
            Double.NaN,
            ""));
  }

  private static boolean priced(SeriesResult s) {
    return s.costPerMillionOutputTokens() != null && s.costUsd().signum() > 0;
  }

  private static RowChart.Row row(
      SeriesResult s, String label, boolean indented, ModelColours colours) {
    BigDecimal perMillion = s.costPerMillionOutputTokens();
    String text =
        "$"
            + Fmt.money(perMillion, 2)
            + " per 1M  ·  $"
            + Fmt.money(s.costPerCall(), 6)
            + " per call";
    return RowChart.Row.bar(
        label, indented, perMillion.doubleValue(), colours.colour(s.key()), text);
  }
}
