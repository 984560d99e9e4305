package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.text.Fmt;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Chart (b): p50, p95 and p99 of one latency metric per model (all its providers merged), as JMH
 * scores them: each bar is the mean of that percentile over the measurement iterations, its line
 * the 99.9 % Student-t interval across iterations, drawn only from {@link Score#MIN_ITERATIONS}
 * iterations on. Horizontal bars named on the left, lowest p50 bar first, each labelled with its
 * value. An interval longer than the axis (which fits the bars, not the intervals: with three
 * iterations t = 31.6 and one interval would flatten every bar) is cut and its label says so; the
 * footnote names the models with fewer than 100 calls, whose p99 is close to their maximum.
 */
final class PercentileBarsChart implements ReportFormat {
  static final double[] PERCENTILES = {50, 95, 99};
  private static final double AXIS_OVER_BARS = 1.5;
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
    String name = ChartLabels.metric(metric);
    String title = name + " p50 / p95 / p99 per model (ms): " + ctx.result().info().suite();
    List<SeriesResult> measured =
        ctx.cells().stream()
            .filter(s -> s.metric(metric).count() > 0)
            // by the p50 bar as drawn (mean of the iterations' medians), so the order reads right
            .sorted(Comparator.comparingDouble(s -> iterationScore(s.metric(metric), 50).mean()))
            .toList();
    if (measured.isEmpty()) {
      ChartImages.saveNoSuccess(ctx, fileName(), title);
      return;
    }
    ModelColours colours = ModelColours.of(ctx);
    double highestBar = 0;
    List<Score[]> scores = new ArrayList<>();
    for (SeriesResult s : measured) {
      Score[] perPercentile = new Score[PERCENTILES.length];
      for (int i = 0; i < PERCENTILES.length; i++) {
        perPercentile[i] = iterationScore(s.metric(metric), PERCENTILES[i]);
        highestBar = Math.max(highestBar, perPercentile[i].mean());
      }
      scores.add(perPercentile);
    }
    double cap = highestBar * AXIS_OVER_BARS;
    List<RowChart.Row> rows = new ArrayList<>();
    long fewest = Long.MAX_VALUE;
    int fewCalls = 0;
    for (int k = 0; k < measured.size(); k++) {
      SeriesResult s = measured.get(k);
      if (s.metric(metric).count() < 100) {
        fewCalls++;
        fewest = Math.min(fewest, s.metric(metric).count());
      }
      Color base = colours.colour(s.key());
      for (int i = 0; i < PERCENTILES.length; i++) {
        Score score = scores.get(k)[i];
        String p = "p" + Fmt.fixed(PERCENTILES[i], 0);
        String label = i == 0 ? s.key().label() + "  " + p : p;
        Color colour = ModelColours.blend(base, Color.WHITE, 0.5 - 0.25 * i);
        rows.add(bar(label, i > 0, score, colour, cap));
      }
    }
    String footnote =
        fewCalls == 0
            ? ""
            : fewCalls
                + " of "
                + measured.size()
                + " models have fewer than 100 calls (fewest "
                + fewest
                + "): their p95 and p99 are close to their maximum, not a tail estimate.";
    ChartImages.save(
        ctx,
        fileName(),
        new RowChart(
            title,
            name + " (ms): mean of the iterations' percentile, line = 99.9 % CI",
            RowChart.Style.BARS,
            rows,
            List.of(),
            v -> Fmt.fixed(v, 0),
            Double.NaN,
            footnote));
  }

  private static RowChart.Row bar(
      String label, boolean indented, Score score, Color colour, double cap) {
    String text = Fmt.fixed(score.mean(), 1);
    double low = Double.NaN;
    double high = Double.NaN;
    if (score.hasInterval()) {
      text += " ± " + score.errorText(1);
      low = Math.max(0, score.lower());
      high = Math.min(cap, score.upper());
      if (score.upper() > cap) {
        text += " (line cut)";
      }
    } else {
      text += " (CI " + score.errorText(1) + ")";
    }
    return new RowChart.Row(
        label, indented, List.of(new RowChart.Segment(score.mean(), colour)), low, high, text);
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
