package dev.pitwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.metrics.TokenSource;
import dev.pitwall.runfolder.SuiteFacts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {
  @Test
  void spectrumTicksReadAsPercentages() {
    assertThat(SpectrumChart.percentLabel(1)).isEqualTo("0 %");
    assertThat(SpectrumChart.percentLabel(10)).isEqualTo("90 %");
    assertThat(SpectrumChart.percentLabel(100)).isEqualTo("99 %");
    assertThat(SpectrumChart.percentLabel(1_000)).isEqualTo("99.9 %");
    assertThat(SpectrumChart.percentLabel(10_000)).isEqualTo("99.99 %");
    assertThat(SpectrumChart.percentLabel(3)).isEmpty();
  }

  @Test
  void aSpectrumEndsWhereItsSamplesEnd() {
    var ttft =
        ReportFixtures.run().result().series().get(0).metric(dev.pitwall.metrics.Metric.TTFT);
    double[][] xy = SpectrumChart.spectrum(ttft);
    assertThat(xy[0][0]).isEqualTo(1);
    assertThat(xy[0][xy[0].length - 1]).isEqualTo(ttft.count()); // 1/(1-p) at p = 1 - 1/n
    assertThat(xy[1][xy[1].length - 1]).isEqualTo(ttft.percentile(100));
    for (int i = 1; i < xy[0].length; i++) {
      assertThat(xy[0][i]).isGreaterThan(xy[0][i - 1]);
      assertThat(xy[1][i]).isGreaterThanOrEqualTo(xy[1][i - 1]);
    }
  }

  @Test
  void providersKeepTheirColourWhateverElseRan() {
    ProviderColours few = ProviderColours.forProviders(List.of("OpenAI", "Together"));
    ProviderColours many =
        ProviderColours.forProviders(List.of("Anthropic", "openai", "Lambda", "Together"));
    assertThat(few.colour("OpenAI")).isEqualTo(many.colour("openai"));
    assertThat(few.colour("Together")).isEqualTo(many.colour("together"));
    assertThat(many.colour("Lambda")).isNotIn(many.colour("OpenAI"), many.colour("Anthropic"));
  }

  @Test
  void labelsAreShortAndUnique() {
    SeriesKey routed = new SeriesKey("p/a/m", "p", "a/m", "auto", "X");
    SeriesKey pinned = new SeriesKey("p/a/m@x", "p", "a/m", "x", "X");
    SeriesKey other = new SeriesKey("p/a/m@y", "p", "a/m", "y", "Y");
    SeriesLabels labels = new SeriesLabels(List.of(routed, pinned, other));
    assertThat(labels.label(routed)).isEqualTo("m [X] via auto");
    assertThat(labels.label(pinned)).isEqualTo("m [X] via x");
    assertThat(labels.label(other)).isEqualTo("m [Y]");
    assertThat(labels.variant(routed)).isZero();
    assertThat(labels.variant(pinned)).isEqualTo(1);
  }

  @Test
  void aPinnedProvidersUnansweredAttemptsShareItsOutcomeBar() {
    RunMetrics metrics = new RunMetrics();
    metrics.accept(attempt(1, Outcome.OK, "DeepInfra"));
    metrics.accept(attempt(2, Outcome.THROTTLED, null));
    metrics.endIteration(0, 1000);
    RunResult result = new RunResult(ReportFixtures.info(true), metrics.results());
    ReportContext ctx =
        new ReportContext(
            Path.of("unused"), result, SuiteFacts.UNKNOWN, List.of(), List.of(), List.of());
    var bars = OutcomesChart.byProvider(ctx);
    assertThat(bars).containsOnlyKeys("DeepInfra");
    assertThat(bars.get("DeepInfra").get(Outcome.OK)).isEqualTo(1);
    assertThat(bars.get("DeepInfra").get(Outcome.THROTTLED)).isEqualTo(1);
  }

  private static CallRecord attempt(long id, Outcome outcome, String served) {
    boolean ok = outcome == Outcome.OK;
    return CallRecord.builder()
        .callId(id)
        .iteration(1)
        .cellId("p/m@deepinfra")
        .promptId("p")
        .model("a/m")
        .requestedProvider("deepinfra")
        .servedProvider(served)
        .outcome(outcome)
        .httpStatus(ok ? 200 : 429)
        .tSchedNs(0)
        .tSendNs(0)
        .tFirstNs(ok ? 100_000_000L : CallRecord.NONE)
        .tAnswerNs(ok ? 100_000_000L : CallRecord.NONE)
        .tLastNs(ok ? 900_000_000L : CallRecord.NONE)
        .tDoneNs(ok ? 901_000_000L : 20_000_000L)
        .tokenEvents(ok ? 10 : 0)
        .promptTokens(10)
        .completionTokens(ok ? 100 : 0)
        .tokenSource(ok ? TokenSource.SERVER : TokenSource.NONE)
        .nonce("n" + id)
        .build();
  }
}
