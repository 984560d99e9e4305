package dev.pitwall.report;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.Phase;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.runfolder.RowSample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Chart (c): TTFT against output speed, one point per successful measured call (from requests.csv),
 * so each model/provider shows as a cloud whose spread is visible; bottom right is best (fast to
 * start, fast to stream). Without requests.csv rows, one point per series at its medians.
 */
final class SpeedScatterChart implements ReportFormat {
  static final String FILE = "charts/ttft-vs-speed.png";

  @Override
  public String fileName() {
    return FILE;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    String title = "TTFT vs output speed per call: " + ctx.result().info().suite();
    Map<SeriesKey, List<double[]>> points = points(ctx);
    if (points.isEmpty()) {
      ChartImages.saveNoSuccess(ctx, FILE, title);
      return;
    }
    XYChart chart =
        BlankCharts.xy(
            title,
            "output speed (tokens/s); bottom right is best" + sampledNote(ctx.sample()),
            "TTFT (ms)");
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(11);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setXAxisMin(0.0);
    ModelColours colours = ModelColours.of(ctx);
    SeriesLabels labels = SeriesLabels.of(ctx);
    for (Map.Entry<SeriesKey, List<double[]>> e : points.entrySet()) {
      double[] x = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
      double[] y = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
      XYSeries series = chart.addSeries(labels.label(e.getKey()), x, y);
      series.setMarker(ChartTheme.marker(labels.variant(e.getKey())));
      series.setMarkerColor(colours.colour(e.getKey()));
    }
    ChartImages.save(ctx, FILE, chart::paint);
  }

  /** "; a uniform sample of 20000 of 1000000 attempts" when the chart shows a sample, else "". */
  static String sampledNote(RowSample sample) {
    return sample.sampled()
        ? "; a uniform sample of " + sample.rows().size() + " of " + sample.seen() + " attempts"
        : "";
  }

  /** (tokens/s, TTFT ms) per successful measured call, by series in the result's order. */
  static Map<SeriesKey, List<double[]>> points(ReportContext ctx) {
    Map<SeriesKey, List<double[]>> points = new LinkedHashMap<>();
    for (SeriesResult s : ctx.result().series()) {
      points.put(s.key(), new ArrayList<>());
    }
    for (CallRecord r : ctx.sample().rows()) {
      double speed = r.outputTokensPerSecond();
      if (r.phase() == Phase.MEASUREMENT
          && r.outcome().isSuccess()
          && !Double.isNaN(speed)
          && r.ttftNs() != CallRecord.NONE) {
        List<double[]> list = points.get(SeriesKey.of(r));
        if (list != null) {
          list.add(new double[] {speed, r.ttftNs() / 1e6});
        }
      }
    }
    if (ctx.sample().seen() == 0) {
      for (SeriesResult s : ctx.result().series()) {
        if (s.metric(Metric.TTFT).count() > 0 && s.metric(Metric.OUTPUT_SPEED).count() > 0) {
          points
              .get(s.key())
              .add(
                  new double[] {
                    s.metric(Metric.OUTPUT_SPEED).percentile(50),
                    s.metric(Metric.TTFT).percentile(50)
                  });
        }
      }
    }
    points.values().removeIf(List::isEmpty);
    return points;
  }
}
