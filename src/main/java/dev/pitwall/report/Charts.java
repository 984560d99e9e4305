package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.OutcomeCounts;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.metrics.SeriesResult;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Helpers the chart formats share: labels, colours, and the "nothing to plot" image. */
final class Charts {
  private Charts() {}

  static ChartStyle style(ReportContext ctx) {
    return ChartStyle.forProviders(
        ctx.result().series().stream().map(s -> s.key().servedProvider()).toList());
  }

  static SeriesLabels labels(ReportContext ctx) {
    List<SeriesKey> keys = ctx.result().series().stream().map(SeriesResult::key).toList();
    return new SeriesLabels(keys);
  }

  static CategoryChart categoryChart(String title, String xTitle, String yTitle, int width) {
    CategoryChart chart =
        ChartStyle.styled(
            new CategoryChartBuilder()
                .width(width)
                .height(ChartStyle.HEIGHT - ChartStyle.FOOTER_HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build());
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setXAxisMaxLabelCount(0);
    return chart;
  }

  static XYChart xyChart(String title, String xTitle, String yTitle) {
    return ChartStyle.styled(
        new XYChartBuilder()
            .width(ChartStyle.WIDTH)
            .height(ChartStyle.HEIGHT - ChartStyle.FOOTER_HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build());
  }

  /** The model without its author prefix: "gpt-4o" for "openai/gpt-4o". */
  static String shortModel(String model) {
    return model.contains("/") ? model.substring(model.indexOf('/') + 1) : model;
  }

  static String upper(Metric metric) {
    return metric.id().toUpperCase(Locale.ROOT).replace('_', ' ');
  }

  /** The image for a chart of successful calls when there were none, with the outcome counts. */
  static void noSuccess(ReportContext ctx, String fileName, String title) throws IOException {
    OutcomeCounts all = ctx.result().outcomes();
    String detail =
        all.total() == 0
            ? "no measured attempt was recorded"
            : all.total() + " measured attempts: " + describe(all);
    ChartCanvas.saveNote(
        ctx.runDir().resolve(fileName), ctx.result().info(), title, "No successful calls", detail);
  }

  /** "12 throttled, 3 server error" in outcome order, zero counts left out. */
  static String describe(OutcomeCounts counts) {
    StringBuilder sb = new StringBuilder();
    for (Outcome o : Outcome.values()) {
      if (counts.get(o) > 0) {
        sb.append(sb.length() == 0 ? "" : ", ")
            .append(counts.get(o))
            .append(' ')
            .append(o.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    return sb.toString();
  }
}
