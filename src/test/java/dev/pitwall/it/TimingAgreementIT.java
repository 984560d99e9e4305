package dev.pitwall.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.sim.Simulator;
import dev.pitwall.sim.SimulatorOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pitwall's per-request figures against a server whose timings we fix: 300 ms to the first token,
 * then 49 more tokens 10 ms apart. Measured through {@code -Dtarget=URL}, the path any
 * OpenAI-compatible server takes.
 */
class TimingAgreementIT {
  private static final double TTFT_MS = 300;
  private static final double E2E_MS = 300 + 49 * 10;

  /**
   * Loopback, the JIT and the event loop's timer add a little and never subtract: the median may be
   * off by a few milliseconds, a single call (on a loaded 2-core machine, where a 20 ms sleep can
   * overshoot by 25 ms) by more.
   */
  private static final double MEDIAN_SLACK_MS = 10;

  private static final double SINGLE_SLACK_MS = 150;

  @TempDir Path results;

  @Test
  void perRequestTimingsTokensAndCostMatchTheServer() throws Exception {
    try (Simulator sim =
        Simulator.start(
            SimulatorOptions.defaults()
                .withProfileFile(RunOutput.resource("exact-profile.yaml")))) {
      RunOutput run = RunOutput.runSuite("exact.yaml", sim.baseUrl(), results);
      assertThat(run.exitCode()).as(run.err()).isZero();
      List<CSVRecord> rows = RunOutput.csv(run.resultsDir().resolve("requests.csv"));
      assertThat(rows).hasSize(4 * 4);
      List<Double> ttfts = new java.util.ArrayList<>();
      List<Double> e2es = new java.util.ArrayList<>();
      for (CSVRecord r : rows) {
        assertThat(r.get("outcome")).isEqualTo("OK");
        assertThat(r.get("served_provider")).isEqualTo("Exact Host");
        assertThat(r.get("completion_tokens")).isEqualTo("50");
        if (r.get("phase").equals("WARMUP")) {
          continue; // cold JIT and connections: what warmup iterations are discarded for
        }
        double ttft = Double.parseDouble(r.get("ttft_ms"));
        double e2e = Double.parseDouble(r.get("e2e_ms"));
        assertThat(ttft).isBetween(TTFT_MS - 1, TTFT_MS + SINGLE_SLACK_MS);
        assertThat(e2e).isBetween(E2E_MS - 1, E2E_MS + SINGLE_SLACK_MS);
        ttfts.add(ttft);
        e2es.add(e2e);
        assertThat(r.get("token_source")).isEqualTo("SERVER");
        BigDecimal expected =
            new BigDecimal("0.000001")
                .multiply(new BigDecimal(r.get("prompt_tokens")))
                .add(new BigDecimal("0.000002").multiply(BigDecimal.valueOf(50)));
        assertThat(new BigDecimal(r.get("cost_usd"))).isEqualByComparingTo(expected);
      }
      assertThat(median(ttfts)).isBetween(TTFT_MS - 1, TTFT_MS + MEDIAN_SLACK_MS);
      assertThat(median(e2es)).isBetween(E2E_MS - 1, E2E_MS + MEDIAN_SLACK_MS);
    }
  }

  private static double median(List<Double> xs) {
    List<Double> sorted = xs.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
