package dev.pitwall.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pitwall.report.ReportFixtures;
import dev.pitwall.suite.Slo;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloGateTest {
  private final RunResult result = ReportFixtures.run().result();

  private SeriesResult series(String provider) {
    return result.series().stream()
        .filter(s -> s.key().servedProvider().equals(provider))
        .findFirst()
        .orElseThrow();
  }

  private SloVerdict verdict(List<SloVerdict> verdicts, String provider, String key) {
    return verdicts.stream()
        .filter(v -> v.series().servedProvider().equals(provider) && v.slo().key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void percentileCeilingsUseTheMergedHistogram() {
    List<SloVerdict> verdicts = SloGate.evaluate(result, List.of(new Slo("ttft_p95_ms", 500)));
    SloVerdict anthropic = verdict(verdicts, "Anthropic", "ttft_p95_ms");
    assertThat(anthropic.measured())
        .isEqualTo(series("Anthropic").metric(Metric.TTFT).percentile(95));
    assertThat(anthropic.passed()).isFalse();
    assertThat(anthropic.describe()).isEqualTo("ttft_p95_ms 1827.839 > 500");
    assertThat(verdict(verdicts, "OpenAI", "ttft_p95_ms").passed()).isTrue();
    assertThat(SloGate.allPassed(verdicts)).isFalse();
  }

  @Test
  void fractionalPercentilesAndMeans() {
    List<SloVerdict> verdicts =
        SloGate.evaluate(
            result, List.of(new Slo("e2e_p99.9_ms", 10_000), new Slo("ttft_mean_ms", 400)));
    assertThat(verdict(verdicts, "OpenAI", "e2e_p99.9_ms").passed()).isTrue();
    SloVerdict mean = verdict(verdicts, "OpenAI", "ttft_mean_ms");
    assertThat(mean.measured()).isEqualTo(series("OpenAI").metric(Metric.TTFT).mean());
    assertThat(mean.passed()).isFalse();
  }

  @Test
  void ratesCostAndTheSpeedFloor() {
    List<SloVerdict> verdicts =
        SloGate.evaluate(
            result,
            List.of(
                new Slo("error_rate", 0.05),
                new Slo("throttle_rate", 0.5),
                new Slo("cost_per_call_usd", 0.001),
                new Slo("output_speed_min", 100)));
    SloVerdict errors = verdict(verdicts, "Anthropic", "error_rate");
    assertThat(errors.measured()).isCloseTo(1 / 12.0, within(1e-9));
    assertThat(errors.passed()).isFalse();
    assertThat(verdict(verdicts, "Anthropic", "cost_per_call_usd").passed()).isFalse();
    assertThat(verdict(verdicts, "Google AI Studio", "cost_per_call_usd").passed()).isTrue();
    SloVerdict floor = verdict(verdicts, "Google AI Studio", "output_speed_min");
    assertThat(floor.passed()).isTrue();
    assertThat(floor.describe()).contains(">= 100");
    assertThat(verdict(verdicts, "Anthropic", "output_speed_min").describe()).contains("< 100");
  }

  @Test
  void attemptsNoProviderServedAreJudgedOnRatesOnly() {
    List<SloVerdict> verdicts =
        SloGate.evaluate(
            result, List.of(new Slo("ttft_p95_ms", 500), new Slo("throttle_rate", 0.5)));
    List<SloVerdict> unserved =
        verdicts.stream().filter(v -> v.series().servedProvider().equals("unknown")).toList();
    assertThat(unserved).extracting(v -> v.slo().key()).containsExactly("throttle_rate");
    assertThat(unserved.get(0).passed()).isFalse(); // 1 of 1 throttled
  }

  @Test
  void aSeriesWithoutSuccessesFailsItsLatencyObjective() {
    RunResult none = ReportFixtures.allThrottled().result();
    List<SloVerdict> latency = SloGate.evaluate(none, List.of(new Slo("ttft_p95_ms", 500)));
    // the pinned DeepInfra cell's 429s are DeepInfra's: no data there fails; the routed cells'
    // 429s were never served and are judged on rates only
    assertThat(latency)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.series().servedProvider()).isEqualTo("deepinfra");
              assertThat(v.measured()).isNaN();
              assertThat(v.passed()).isFalse();
              assertThat(v.describe()).isEqualTo("ttft_p95_ms no data (limit 500)");
            });
    assertThat(SloGate.allPassed(SloGate.evaluate(none, List.of(new Slo("throttle_rate", 0.1)))))
        .isFalse();
  }
}
