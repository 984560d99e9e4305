package dev.pitwall.report;

import dev.pitwall.metrics.SeriesResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * Chart (e): cost per 1M output tokens (left) and per successful call (right), USD, one bar per
 * series coloured by provider, named in the shared legend on the right.
 */
final class CostChart implements ReportFormat {
  static final String FILE = "charts/cost.png";
  private static final int LEFT_WIDTH = 470;

  @Override
  public String fileName() {
    return FILE;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    List<SeriesResult> priced =
        ctx.result().series().stream()
            .filter(s -> s.costPerCall() != null && s.costUsd().signum() > 0)
            .toList();
    if (priced.isEmpty()) {
      ChartPng.saveNote(
          ctx.runDir().resolve(FILE),
          ctx.result().info(),
          "Cost per 1M output tokens and per call (USD)",
          ctx.result().outcomes().get(dev.pitwall.metrics.Outcome.OK) == 0
              ? "No successful calls"
              : "No cost reported",
          "no successful measured call carried a cost (usage.cost or model pricing)");
      return;
    }
    CategoryChart perMillion =
        panel(
            ctx,
            priced,
            "per 1M output tokens",
            SeriesResult::costPerMillionOutputTokens,
            LEFT_WIDTH,
            false);
    CategoryChart perCall =
        panel(
            ctx,
            priced,
            "per successful call",
            SeriesResult::costPerCall,
            ChartTheme.WIDTH - LEFT_WIDTH,
            true);
    ChartPng.save(
        ctx.runDir().resolve(FILE),
        ctx.result().info(),
        List.of(perMillion, perCall),
        new int[] {LEFT_WIDTH, ChartTheme.WIDTH - LEFT_WIDTH});
  }

  private static CategoryChart panel(
      ReportContext ctx,
      List<SeriesResult> priced,
      String what,
      Function<SeriesResult, BigDecimal> figure,
      int width,
      boolean legend) {
    CategoryChart chart = BlankCharts.category("Cost " + what + " (USD)", "", "USD", width);
    chart.getStyler().setLegendVisible(legend);
    chart.getStyler().setXAxisTicksVisible(false);
    chart.getStyler().setYAxisDecimalPattern("#,##0.######");
    chart.getStyler().setChartTitleFont(ChartTheme.AXIS_TITLE.deriveFont(java.awt.Font.BOLD));
    ProviderColours style = ProviderColours.of(ctx);
    SeriesLabels labels = SeriesLabels.of(ctx);
    // One category, one bar per series: the legend names them, so long model names never clip.
    List<String> category = List.of(" ");
    for (SeriesResult s : priced) {
      BigDecimal v = figure.apply(s);
      CategorySeries series =
          chart.addSeries(
              labels.label(s.key()), category, List.of(v == null ? 0.0 : v.doubleValue()));
      series.setFillColor(
          ChartTheme.shade(style.colour(s.key().servedProvider()), labels.variant(s.key())));
    }
    return chart;
  }
}
