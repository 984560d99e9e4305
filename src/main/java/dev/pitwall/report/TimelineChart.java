package dev.pitwall.report;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.Phase;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.runfolder.RowSample;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chart (f): TTFT of every call over the run's time (from requests.csv), with throttled and failed
 * attempts marked at their time to end, and the rate offered (attempts scheduled per second) on a
 * second axis. Throttling, outages and slow drift show here and nowhere else.
 */
final class TimelineChart implements ReportFormat {
  static final String FILE = "charts/latency-over-time.png";
  static final Color RATE = new Color(0x55, 0x55, 0x55);
  static final Color WARMUP = new Color(0xB0, 0xB0, 0xB0);
  static final Color THROTTLED = new Color(0xF9, 0xA8, 0x25);
  static final Color FAILED = new Color(0xC6, 0x28, 0x28);

  @Override
  public String fileName() {
    return FILE;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    String title = "TTFT over time, with the rate offered: " + ctx.result().info().suite();
    List<CallRecord> rows = ctx.sample().rows();
    if (rows.isEmpty()) {
      ChartImages.saveNote(
          ctx,
          FILE,
          title,
          "No attempts in requests.csv",
          "this chart is drawn from the rows of requests.csv in the run folder");
      return;
    }
    boolean anySuccess = rows.stream().anyMatch(r -> r.outcome().isSuccess());
    XYChart chart =
        BlankCharts.xy(
            anySuccess ? title : title + ": no successful calls",
            "seconds since the run started" + SpeedScatterChart.sampledNote(ctx.sample()),
            "TTFT (ms); × = time to error");
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(9);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    chart.setYAxisGroupTitle(1, "offered rate (attempts/s)");
    chart.getStyler().setYAxisMin(1, 0.0);
    ModelColours colours = ModelColours.of(ctx);
    SeriesLabels labels = SeriesLabels.of(ctx);

    Map<SeriesKey, List<double[]>> ok = new LinkedHashMap<>();
    ctx.result().series().forEach(s -> ok.put(s.key(), new ArrayList<>()));
    List<double[]> warmup = new ArrayList<>();
    List<double[]> throttled = new ArrayList<>();
    List<double[]> failed = new ArrayList<>();
    for (CallRecord r : rows) {
      double x = RowSample.scheduledSeconds(r);
      if (r.outcome().isSuccess() && r.ttftNs() != CallRecord.NONE) {
        double[] point = {x, r.ttftNs() / 1e6};
        List<double[]> list = r.phase() == Phase.WARMUP ? null : ok.get(SeriesKey.of(r));
        (list == null ? warmup : list).add(point);
      } else if (r.outcome() == Outcome.THROTTLED) {
        throttled.add(new double[] {x, endMs(r)});
      } else if (r.outcome().isFailure()) {
        failed.add(new double[] {x, endMs(r)});
      }
    }
    add(chart, "warmup (not scored)", warmup, WARMUP, SeriesMarkers.CIRCLE);
    for (Map.Entry<SeriesKey, List<double[]>> e : ok.entrySet()) {
      add(
          chart,
          labels.label(e.getKey()),
          e.getValue(),
          colours.colour(e.getKey()),
          ChartTheme.marker(labels.variant(e.getKey())));
    }
    add(chart, "throttled (time to 429)", throttled, THROTTLED, SeriesMarkers.CROSS);
    add(chart, "failed (time to error)", failed, FAILED, SeriesMarkers.CROSS);

    double[][] rate = offeredRate(ctx.sample().perSecond(), ctx.sample().seen());
    XYSeries offered = chart.addSeries("offered rate (attempts/s)", rate[0], rate[1]);
    offered.setYAxisGroup(1);
    offered.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    offered.setLineColor(RATE);
    offered.setLineStyle(ChartTheme.thin());
    offered.setMarker(SeriesMarkers.NONE);
    ChartImages.save(ctx, FILE, chart::paint);
  }

  private static void add(
      XYChart chart,
      String name,
      List<double[]> points,
      Color colour,
      org.knowm.xchart.style.markers.Marker marker) {
    if (points.isEmpty()) {
      return;
    }
    XYSeries s =
        chart.addSeries(
            name,
            points.stream().mapToDouble(p -> p[0]).toArray(),
            points.stream().mapToDouble(p -> p[1]).toArray());
    s.setMarker(marker);
    s.setMarkerColor(colour);
  }

  private static double endMs(CallRecord r) {
    if (r.tDoneNs() == CallRecord.NONE || r.tSendNs() == CallRecord.NONE) {
      return 0;
    }
    return (r.tDoneNs() - r.tSendNs()) / 1e6;
  }

  /**
   * Attempts scheduled per second, in buckets of at least one second, at least 1/30 of the run, and
   * wide enough to hold about five attempts on average: narrower buckets turn a steady closed loop
   * into a comb of 0 and 1.
   */
  static double[][] offeredRate(long[] perSecond, long attempts) {
    double end = Math.max(0, perSecond.length - 1);
    double bucket = Math.max(1, Math.ceil(Math.max(end / 30, 5 * end / Math.max(1, attempts))));
    int n = (int) (end / bucket) + 1;
    long[] counts = new long[n];
    for (int second = 0; second < perSecond.length; second++) {
      counts[Math.min(n - 1, (int) (second / bucket))] += perSecond[second];
    }
    double[][] xy = new double[2][n + 1];
    for (int i = 0; i < n; i++) {
      xy[0][i] = i * bucket;
      xy[1][i] = counts[i] / bucket;
    }
    xy[0][n] = n * bucket;
    xy[1][n] = counts[n - 1] / bucket;
    return xy;
  }
}
