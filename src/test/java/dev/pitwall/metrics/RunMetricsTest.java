package dev.pitwall.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
  private static final long MS = 1_000_000;

  @Test
  void scoresEachIterationAndMergesHistograms() {
    RunMetrics m = new RunMetrics();
    for (int it = 1; it <= 3; it++) {
      for (int k = 0; k < 4; k++) {
        m.accept(ok(it, "OpenAI", (100 + it * 10) * MS));
      }
      m.endIteration(it * 1000L, it * 1000L + 500);
    }
    SeriesResult s = m.results().get(0);
    MetricResult ttft = s.metric(Metric.TTFT);
    double[] scores = ttft.iterationScores();
    assertThat(scores).hasSize(3);
    assertThat(scores[0]).isCloseTo(110.0, within(0.2));
    assertThat(scores[1]).isCloseTo(120.0, within(0.2));
    assertThat(scores[2]).isCloseTo(130.0, within(0.2));
    assertThat(ttft.score().mean()).isCloseTo(120.0, within(0.2));
    assertThat(ttft.count()).isEqualTo(12);
    assertThat(ttft.iterationHistograms()).hasSize(3);
    assertThat(s.measuredSeconds()).isCloseTo(1.5, within(1e-9));
    assertThat(s.costUsd()).isEqualByComparingTo("0.12");
  }

  @Test
  void warmupIsIgnoredAndFailuresCountWithoutLatency() {
    RunMetrics m = new RunMetrics();
    CallRecord warm = ok(1, "OpenAI", 5 * MS);
    m.accept(warm.withPhase(Phase.WARMUP));
    m.accept(failed(Outcome.THROTTLED));
    m.accept(ok(1, "OpenAI", 100 * MS));
    m.endIteration(0, 1000);
    List<SeriesResult> results = m.results();
    assertThat(results).hasSize(2);
    SeriesResult served =
        results.stream()
            .filter(r -> r.key().servedProvider().equals("OpenAI"))
            .findFirst()
            .orElseThrow();
    assertThat(served.outcomes().total()).isEqualTo(1);
    assertThat(served.metric(Metric.TTFT).percentile(50)).isCloseTo(100.0, within(0.1));
  }

  @Test
  void aPinnedCellsFailuresJoinItsProvidersSeriesUnderTheServedName() {
    RunMetrics m = new RunMetrics();
    CallRecord fail = failed(Outcome.SERVER_ERROR);
    m.accept(
        new CallRecord(
            fail.callId(),
            1,
            1,
            Phase.MEASUREMENT,
            "p/m@openai",
            "p",
            "m",
            "openai",
            null,
            null,
            null,
            Outcome.SERVER_ERROR,
            502,
            "502",
            "bad gateway",
            0,
            0,
            10,
            -1,
            -1,
            -1,
            20,
            0,
            0,
            0,
            0,
            0,
            TokenSource.NONE,
            null,
            null));
    CallRecord ok = ok(1, "OpenAI", 50 * MS);
    m.accept(
        new CallRecord(
            ok.callId(),
            1,
            1,
            Phase.MEASUREMENT,
            "p/m@openai",
            "p",
            "m",
            "openai",
            "OpenAI",
            "m",
            "gen",
            Outcome.OK,
            200,
            null,
            null,
            0,
            0,
            10,
            10 + 50 * MS,
            10 + 50 * MS,
            10 + 80 * MS,
            10 + 80 * MS,
            10,
            5,
            100,
            0,
            0,
            TokenSource.SERVER,
            BigDecimal.ONE,
            null));
    m.endIteration(0, 1000);
    List<SeriesResult> results = m.results();
    assertThat(results).hasSize(1);
    assertThat(results.get(0).key().servedProvider()).isEqualTo("OpenAI");
    assertThat(results.get(0).outcomes().total()).isEqualTo(2);
  }

  @Test
  void callsNeverSentAreNotASeries() {
    RunMetrics m = new RunMetrics();
    m.accept(
        new CallRecord(
            9,
            1,
            1,
            Phase.MEASUREMENT,
            "p/m",
            "p",
            "m",
            "auto",
            null,
            null,
            null,
            Outcome.CANCELLED,
            0,
            null,
            "interrupted",
            0,
            5,
            -1,
            -1,
            -1,
            -1,
            -1,
            0,
            0,
            0,
            0,
            0,
            TokenSource.NONE,
            null,
            null));
    m.endIteration(0, 10);
    assertThat(m.results()).isEmpty();
  }

  static CallRecord ok(int iteration, String provider, long ttftNs) {
    return new CallRecord(
        iteration * 100L,
        1,
        iteration,
        Phase.MEASUREMENT,
        "p/m",
        "p",
        "m",
        "auto",
        provider,
        "m",
        "gen",
        Outcome.OK,
        200,
        null,
        null,
        0,
        0,
        10,
        10 + ttftNs,
        10 + ttftNs,
        10 + ttftNs + 99 * MS,
        10 + ttftNs + 99 * MS,
        10,
        5,
        100,
        0,
        0,
        TokenSource.SERVER,
        new BigDecimal("0.01"),
        null);
  }

  static CallRecord failed(Outcome outcome) {
    return new CallRecord(
        7,
        1,
        1,
        Phase.MEASUREMENT,
        "p/m",
        "p",
        "m",
        "auto",
        null,
        null,
        null,
        outcome,
        429,
        "429",
        "slow down",
        0,
        0,
        10,
        -1,
        -1,
        -1,
        20,
        0,
        0,
        0,
        0,
        0,
        TokenSource.NONE,
        null,
        null);
  }
}
