package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.SeriesResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chart (a): the percentile spectrum of one latency metric per series, HdrHistogram-style. The x
 * axis is 1 / (1 − p) on a log scale, so 90 %, 99 %, 99.9 % and 99.99 % are evenly spaced and the
 * tail gets as much room as the bulk; tick labels are percentages (never "1E4"), and a dashed line
 * marks the median. Each curve ends at the highest percentile its sample count supports (1 − 1/n):
 * drawing 12 calls out to 99.99 % would invent a tail.
 */
final class SpectrumChart implements ReportFormat {
  private final Metric metric;

  SpectrumChart(Metric metric) {
    this.metric = metric;
  }

  @Override
  public String fileName() {
    return "charts/" + metric.id() + "-spectrum.png";
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    List<SeriesResult> measured =
        ctx.cells().stream().filter(s -> s.metric(metric).count() > 0).toList();
    String title =
        ChartLabels.metric(metric)
            + " percentile spectrum per model (ms): "
            + ctx.result().info().suite();
    if (measured.isEmpty()) {
      ChartImages.saveNoSuccess(ctx, fileName(), title);
      return;
    }
    XYChart chart =
        ChartTheme.styled(
            new XYChartBuilder()
                .width(ChartTheme.WIDTH)
                .height(ChartTheme.HEIGHT - ChartTheme.FOOTER_HEIGHT)
                .title(title)
                .xAxisTitle("percentile (log scale of 1 / (1 − p))")
                .yAxisTitle(ChartLabels.metric(metric) + " (ms)")
                .build());
    long maxCount = measured.stream().mapToLong(s -> s.metric(metric).count()).max().orElse(1);
    double xMax = Math.min(10_000, Math.max(100, Math.pow(10, Math.ceil(Math.log10(maxCount)))));
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setXAxisMin(1.0);
    chart.getStyler().setXAxisMax(xMax);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setXAxisTickLabelsFormattingFunction(SpectrumChart::percentLabel);
    ModelColours colours = ModelColours.of(ctx);
    SeriesLabels labels = SeriesLabels.of(ctx);
    double yMax = 0;
    for (int i = 0; i < measured.size(); i++) {
      SeriesResult s = measured.get(i);
      double[][] xy = spectrum(s.metric(metric));
      XYSeries series = chart.addSeries(labels.label(s.key()), xy[0], xy[1]);
      series.setLineColor(colours.colour(s.key()));
      // a second cue besides colour: every other model dashed
      series.setLineStyle(ChartTheme.stroke(i % 2));
      series.setMarker(SeriesMarkers.NONE);
      yMax = Math.max(yMax, s.metric(metric).percentile(100));
    }
    chart.addAnnotation(new AnnotationLine(2, true, false));
    chart.addAnnotation(new AnnotationText("50 %", 2, yMax, false));
    chart.getStyler().setAnnotationLineColor(ChartTheme.GRID.darker());
    chart.getStyler().setAnnotationTextFont(ChartTheme.TICKS);
    ChartImages.save(ctx, fileName(), chart::paint);
  }

  /** Points (1/(1-p), value in ms) from the merged histogram, from 0 % to 1 − 1/n. */
  static double[][] spectrum(MetricResult m) {
    Histogram h = m.histogram();
    double xEnd = Math.max(2, h.getTotalCount());
    List<double[]> points = new ArrayList<>();
    points.add(new double[] {1, m.metric().toUnit(h.getMinValue())});
    for (HistogramIterationValue v : h.percentiles(5)) {
      double p = v.getPercentileLevelIteratedTo();
      double x = p >= 100 ? Double.POSITIVE_INFINITY : 100.0 / (100.0 - p);
      if (x >= xEnd) {
        break;
      }
      if (x > 1) {
        points.add(new double[] {x, m.metric().toUnit(v.getValueIteratedTo())});
      }
    }
    points.add(new double[] {xEnd, m.metric().toUnit(h.getMaxValue())});
    double[][] xy = new double[2][points.size()];
    for (int i = 0; i < points.size(); i++) {
      xy[0][i] = points.get(i)[0];
      xy[1][i] = points.get(i)[1];
    }
    return xy;
  }

  /** Decades of 1/(1-p) as percentages: 1 → "0 %", 10 → "90 %", 100 → "99 %", ... */
  static String percentLabel(double x) {
    double decades = Math.log10(x);
    long rounded = Math.round(decades);
    if (Math.abs(decades - rounded) > 1e-6 || rounded < 0) {
      return "";
    }
    if (rounded == 0) {
      return "0 %";
    }
    BigDecimal percent =
        BigDecimal.valueOf(100).subtract(BigDecimal.ONE.movePointLeft((int) rounded - 2));
    return percent.stripTrailingZeros().toPlainString() + " %";
  }
}
