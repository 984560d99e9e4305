package dev.pitwall.history;

import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.report.ChartImages;
import dev.pitwall.report.ChartTheme;
import dev.pitwall.report.ModelColours;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Trend charts of a suite: for each headline measure, every series over the last N runs of its
 * history, each point the run's score with its 99.9 % confidence interval as bars, and a red ring
 * on each point that was a regression against the runs before it (the same rule as {@code pitwall
 * compare}). One PNG per measure, charts/trend-&lt;measure&gt;.png.
 */
public final class TrendCharts {
  static final List<Measure> MEASURES =
      List.of(
          Measure.TTFT,
          Measure.E2E,
          Measure.OUTPUT_SPEED,
          Measure.ERROR_RATE,
          Measure.COST_PER_CALL);

  private TrendCharts() {}

  /** A point of a series' trend. */
  record Point(RunStamp run, Score score, boolean regressed) {}

  /**
   * Writes the trend charts of the last {@code n} runs of {@code history} into {@code dir}/charts.
   * A run's regressions are judged against the {@code baselineRuns} comparable runs before it.
   *
   * @return the files written, relative to {@code dir}
   */
  public static List<String> write(
      Path dir, List<RunFigures> history, int n, int baselineRuns, CompareOptions options)
      throws IOException {
    List<RunFigures> window = history.subList(Math.max(0, history.size() - n), history.size());
    Set<String> regressed = regressions(history, window, baselineRuns, options);
    List<String> written = new ArrayList<>();
    for (Measure m : MEASURES) {
      String file = "charts/trend-" + m.id() + ".png";
      write(dir.resolve(file), m, window, regressed);
      written.add(file);
    }
    return written;
  }

  /** "runId|matchKey|measure" of every regressed point of the window. */
  static Set<String> regressions(
      List<RunFigures> history, List<RunFigures> window, int baselineRuns, CompareOptions options) {
    Set<String> out = new HashSet<>();
    for (RunFigures run : window) {
      List<RunFigures> base =
          Comparer.trailing(
              history, run.run(), baselineRuns, Comparer.SettingsLookup.NONE, new ArrayList<>());
      if (base.isEmpty() || run.run().partial()) {
        continue;
      }
      for (Comparison c :
          Comparer.compare(run, base, options, Comparer.SettingsLookup.NONE, List.of())
              .regressions()) {
        out.add(run.run().runId() + "|" + SeriesMatch.key(c.series()) + "|" + c.measure().id());
      }
    }
    return out;
  }

  static void write(Path file, Measure m, List<RunFigures> window, Set<String> regressed)
      throws IOException {
    Map<String, SeriesKey> keys = new TreeMap<>();
    Map<String, List<Point>> points = new LinkedHashMap<>();
    for (RunFigures run : window) {
      run.byMatchKey(m)
          .forEach(
              (k, f) -> {
                keys.put(k, f.series());
                boolean r = regressed.contains(run.run().runId() + "|" + k + "|" + m.id());
                points
                    .computeIfAbsent(k, x -> new ArrayList<>())
                    .add(new Point(run.run(), f.score(), r));
              });
    }
    String title = m.label() + " over the last " + window.size() + " runs";
    if (window.isEmpty() || points.isEmpty()) {
      ChartImages.saveNote(
          file,
          window.isEmpty() ? placeholder() : window.get(window.size() - 1).run().toInfo(),
          title,
          "No history yet",
          "each run appends to history.csv; trends appear from the second run on");
      return;
    }
    XYChart chart =
        new XYChartBuilder()
            .width(ChartTheme.WIDTH)
            .height(ChartTheme.HEIGHT)
            .title(title)
            .xAxisTitle("run (UTC)")
            .yAxisTitle(m.label() + " (" + m.unit() + ")")
            .build();
    ChartTheme.styled(chart);
    chart.getStyler().setDatePattern("MM-dd HH:mm");
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    ModelColours colours = ModelColours.of(keys.values());
    Map<String, Integer> variants = new TreeMap<>();
    List<Date> badX = new ArrayList<>();
    List<Double> badY = new ArrayList<>();
    for (Map.Entry<String, List<Point>> e : points.entrySet()) {
      SeriesKey key = keys.get(e.getKey());
      List<Date> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      List<Double> err = new ArrayList<>();
      for (Point p : e.getValue()) {
        x.add(Date.from(p.run().start()));
        y.add(p.score().mean());
        err.add(p.score().hasInterval() ? p.score().error() : 0.0);
        if (p.regressed()) {
          badX.add(Date.from(p.run().start()));
          badY.add(p.score().mean());
        }
      }
      int variant = variants.merge(key.cellId(), 1, Integer::sum) - 1;
      XYSeries s =
          chart.addSeries(uniqueName(chart, key.label() + " " + key.promptId()), x, y, err);
      s.setLineColor(colours.colour(key));
      s.setMarkerColor(colours.colour(key));
      s.setLineStyle(ChartTheme.stroke(variant));
      s.setMarker(ChartTheme.marker(variant));
    }
    if (!badX.isEmpty()) {
      XYSeries bad = chart.addSeries("regressed", badX, badY);
      bad.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      bad.setMarker(SeriesMarkers.CIRCLE);
      bad.setMarkerColor(ChartTheme.ALERT);
      chart.getStyler().setMarkerSize(12);
    }
    ChartImages.save(file, window.get(window.size() - 1).run().toInfo(), chart);
  }

  private static String uniqueName(XYChart chart, String name) {
    String n = name;
    for (int i = 2; chart.getSeries(n) != null; i++) {
      n = name + " #" + i;
    }
    return n;
  }

  private static dev.pitwall.metrics.RunInfo placeholder() {
    return new RunStamp("none", java.time.Instant.EPOCH, "?", "?", false, false, "", "").toInfo();
  }
}
