package dev.pitwall.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
    List<SeriesResult> results = pinnedFailureAndSuccess(new RunMetrics(), "openai", "OpenAI");
    assertThat(results).hasSize(1);
    assertThat(results.get(0).key().servedProvider()).isEqualTo("OpenAI");
    assertThat(results.get(0).outcomes().total()).isEqualTo(2);
  }

  @Test
  void aSlugAndADisplayNameThatDoNotLookAlikeAreOneSeriesByTheEndpointData() {
    ProviderNames names = new ProviderNames(Map.of("google-vertex", "Google"));
    List<SeriesResult> results =
        pinnedFailureAndSuccess(new RunMetrics(r -> true, names), "google-vertex", "Google");
    assertThat(results).hasSize(1);
    assertThat(results.get(0).key().servedProvider()).isEqualTo("Google");
    assertThat(results.get(0).outcomes().total()).isEqualTo(2);
  }

  /** A failed attempt no reply named, then a success, in a cell pinned to {@code slug}. */
  private static List<SeriesResult> pinnedFailureAndSuccess(
      RunMetrics m, String slug, String served) {
    CallRecord fail = failed(Outcome.SERVER_ERROR);
    m.accept(
        CallRecord.builder()
            .callId(fail.callId())
            .iteration(1)
            .cellId("p/m@" + slug)
            .promptId("p")
            .model("m")
            .requestedProvider(slug)
            .outcome(Outcome.SERVER_ERROR)
            .httpStatus(502)
            .errorCode("502")
            .errorMessage("bad gateway")
            .tSchedNs(0)
            .tSendNs(10)
            .tDoneNs(20)
            .build());
    CallRecord ok = ok(1, served, 50 * MS);
    m.accept(
        CallRecord.builder()
            .callId(ok.callId())
            .iteration(1)
            .cellId("p/m@" + slug)
            .promptId("p")
            .model("m")
            .requestedProvider(slug)
            .servedProvider(served)
            .servedModel("m")
            .generationId("gen")
            .outcome(Outcome.OK)
            .httpStatus(200)
            .tSchedNs(0)
            .tSendNs(10)
            .tFirstNs(10 + 50 * MS)
            .tAnswerNs(10 + 50 * MS)
            .tLastNs(10 + 80 * MS)
            .tDoneNs(10 + 80 * MS)
            .tokenEvents(10)
            .promptTokens(5)
            .completionTokens(100)
            .tokenSource(TokenSource.SERVER)
            .costUsd(BigDecimal.ONE)
            .build());
    m.endIteration(0, 1000);
    return m.results();
  }

  @Test
  void attemptsServedOnTheUsersOwnKeyAreCounted() {
    RunMetrics m = new RunMetrics();
    m.accept(ok(1, "OpenAI", 100 * MS).toBuilder().byok(true).build());
    m.accept(ok(1, "OpenAI", 100 * MS).toBuilder().byok(false).build());
    m.accept(ok(1, "OpenAI", 100 * MS));
    m.endIteration(0, 1000);
    assertThat(m.results()).singleElement().extracting(SeriesResult::byokCalls).isEqualTo(1L);
  }

  @Test
  void callsNeverSentAreNotASeries() {
    RunMetrics m = new RunMetrics();
    m.accept(
        CallRecord.builder()
            .callId(9)
            .iteration(1)
            .cellId("p/m")
            .promptId("p")
            .model("m")
            .requestedProvider("auto")
            .outcome(Outcome.CANCELLED)
            .errorMessage("interrupted")
            .tSchedNs(5)
            .build());
    m.endIteration(0, 10);
    assertThat(m.results()).isEmpty();
  }

  static CallRecord ok(int iteration, String provider, long ttftNs) {
    return CallRecord.builder()
        .callId(iteration * 100L)
        .iteration(iteration)
        .cellId("p/m")
        .promptId("p")
        .model("m")
        .requestedProvider("auto")
        .servedProvider(provider)
        .servedModel("m")
        .generationId("gen")
        .outcome(Outcome.OK)
        .httpStatus(200)
        .tSchedNs(0)
        .tSendNs(10)
        .tFirstNs(10 + ttftNs)
        .tAnswerNs(10 + ttftNs)
        .tLastNs(10 + ttftNs + 99 * MS)
        .tDoneNs(10 + ttftNs + 99 * MS)
        .tokenEvents(10)
        .promptTokens(5)
        .completionTokens(100)
        .tokenSource(TokenSource.SERVER)
        .costUsd(new BigDecimal("0.01"))
        .build();
  }

  static CallRecord failed(Outcome outcome) {
    return CallRecord.builder()
        .callId(7)
        .iteration(1)
        .cellId("p/m")
        .promptId("p")
        .model("m")
        .requestedProvider("auto")
        .outcome(outcome)
        .httpStatus(429)
        .errorCode("429")
        .errorMessage("slow down")
        .tSchedNs(0)
        .tSendNs(10)
        .tDoneNs(20)
        .build();
  }
}
