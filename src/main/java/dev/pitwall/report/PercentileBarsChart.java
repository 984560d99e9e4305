package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.text.Fmt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * Chart (b): p50, p95 and p99 of one latency metric per series, as JMH scores them: each bar is the
 * mean of that percentile over the measurement iterations, its error bar the 99.9 % Student-t
 * half-width across iterations (none with a single iteration). Few iterations give wide bars; that
 * is the honest answer, not a rendering problem.
 */
final class PercentileBarsChart implements ReportFormat {
  static final double[] PERCENTILES = {50, 95, 99};
  private final Metric metric;

  PercentileBarsChart(Metric metric) {
    this.metric = metric;
  }

  @Override
  public String fileName() {
    return "charts/" + metric.id() + "-percentiles.png";
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    List<SeriesResult> measured =
        ctx.result().series().stream().filter(s -> s.metric(metric).count() > 0).toList();
    // short titles: XChart centres them over the plot, and a wide legend leaves little room
    String title = ChartLabels.metric(metric) + " p50 / p95 / p99 (ms) ± 99.9 % CI";
    if (measured.isEmpty()) {
      ChartPng.saveNoSuccess(ctx, fileName(), title);
      return;
    }
    CategoryChart chart =
        BlankCharts.category(
            title,
            "percentile",
            ChartLabels.metric(metric) + " (ms), mean of iterations",
            ChartTheme.WIDTH);
    chart.getStyler().setErrorBarsColor(ChartTheme.TEXT);
    ProviderColours style = ProviderColours.of(ctx);
    SeriesLabels labels = SeriesLabels.of(ctx);
    List<String> categories = List.of("p50", "p95", "p99");
    double highestBar = 0;
    double highestReach = 0;
    for (SeriesResult s : measured) {
      List<Double> values = new ArrayList<>();
      List<Double> errors = new ArrayList<>();
      for (double p : PERCENTILES) {
        Score score = iterationScore(s.metric(metric), p);
        values.add(score.mean());
        highestBar = Math.max(highestBar, score.mean());
        errors.add(Double.isNaN(score.error()) ? 0.0 : score.error());
        highestReach = Math.max(highestReach, score.mean() + errors.get(errors.size() - 1));
      }
      CategorySeries series = chart.addSeries(labels.label(s.key()), categories, values, errors);
      series.setFillColor(
          ChartTheme.shade(style.colour(s.key().servedProvider()), labels.variant(s.key())));
    }
    // With 2-3 iterations a 99.9 % interval can be 30× the bar; scaling the axis to it would
    // flatten every bar. The axis fits the bars, and longer error bars run off the top.
    double axisMax = Math.max(highestBar * 1.6, 0.01);
    chart.getStyler().setYAxisMax(axisMax);
    if (highestReach > axisMax) {
      chart.setXAxisTitle(
          "error bars up to "
              + Fmt.fixed(highestReach, 0)
              + " ms run off the top (few iterations)");
    }
    ChartPng.save(ctx.runDir().resolve(fileName()), ctx.result().info(), chart);
  }

  /** The JMH score of one percentile: its value in each iteration, then mean ± CI. */
  static Score iterationScore(MetricResult m, double percentile) {
    List<Histogram> intervals = m.iterationHistograms();
    double[] perIteration =
        intervals.stream()
            .filter(h -> h.getTotalCount() > 0)
            .mapToDouble(h -> m.metric().toUnit(h.getValueAtPercentile(percentile)))
            .toArray();
    return Score.of(perIteration);
  }
}
