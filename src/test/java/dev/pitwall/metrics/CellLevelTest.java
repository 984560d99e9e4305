package dev.pitwall.metrics;

import static dev.pitwall.metrics.RunMetricsTest.failed;
import static dev.pitwall.metrics.RunMetricsTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CellLevelTest {
  private static final long MS = 1_000_000;

  private static RunResult run(RunMetrics m) {
    Instant t = Instant.parse("2026-01-31T12:00:00Z");
    return new RunResult(
        new RunInfo("s", "", "sim", true, t, t, "", 1, Map.of(), "", "", ""), m.results());
  }

  @Test
  void aCellMergesItsProvidersExactly() {
    RunMetrics m = new RunMetrics();
    // iteration 1: OpenAI only; iterations 2-3: OpenAI and Azure, so Azure's series starts late
    for (int it = 1; it <= 3; it++) {
      m.accept(ok(it, "OpenAI", 100 * MS));
      m.accept(ok(it, "OpenAI", 120 * MS));
      if (it > 1) {
        m.accept(ok(it, "Azure", 300 * MS));
      }
      m.endIteration(it * 1000L, it * 1000L + 500);
    }
    m.accept(failed(Outcome.THROTTLED));
    m.endIteration(4000, 4500);
    RunResult result = run(m);
    assertThat(result.series()).hasSize(3); // OpenAI, Azure, unknown
    List<SeriesResult> cells = result.cells();
    assertThat(cells).hasSize(1);
    SeriesResult cell = cells.get(0);
    assertThat(cell.key().isCell()).isTrue();
    assertThat(cell.key().label()).isEqualTo("m");
    assertThat(cell.outcomes().total()).isEqualTo(9);
    assertThat(cell.outcomes().get(Outcome.THROTTLED)).isEqualTo(1);
    assertThat(cell.completionTokens()).isEqualTo(800);
    assertThat(cell.costUsd()).isEqualByComparingTo("0.08");

    MetricResult ttft = cell.metric(Metric.TTFT);
    Histogram expected = Histograms.newHistogram();
    result.series().forEach(s -> expected.add(s.metric(Metric.TTFT).histogram()));
    assertThat(ttft.histogram()).isEqualTo(expected);
    assertThat(ttft.count()).isEqualTo(8);
    // four iterations; the fourth has no success, so three are scored
    assertThat(ttft.iterationHistograms()).hasSize(4);
    double[] scores = ttft.iterationScores();
    assertThat(scores[0]).isCloseTo(110.0, within(0.2));
    assertThat(scores[1]).isCloseTo((100 + 120 + 300) / 3.0, within(0.3));
    assertThat(scores[3]).isNaN();
    assertThat(ttft.score().iterations()).isEqualTo(3);
  }

  @Test
  void fewerThanThreeIterationsShowNoInterval() {
    Score two = Score.of(new double[] {100, 400});
    assertThat(two.error()).isGreaterThan(1000); // Student-t with one degree of freedom
    assertThat(two.hasInterval()).isFalse();
    assertThat(two.errorText(1)).isEqualTo("n/a (2 iterations)");
    assertThat(Score.of(new double[] {100}).errorText(1)).isEqualTo("n/a (1 iteration)");
    assertThat(Score.of(new double[0]).errorText(1)).isEqualTo("n/a (0 iterations)");
    Score three = Score.of(new double[] {100, 110, 120});
    assertThat(three.hasInterval()).isTrue();
    assertThat(three.errorText(1)).doesNotContain("n/a");
  }
}
