package dev.pitwall.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.sim.Simulator;
import dev.pitwall.sim.SimulatorOptions;
import java.math.BigDecimal;
import java.net.URISyntaxException;
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

  /** Loopback, JIT and the event loop's timer add a little; they never subtract. */
  private static final double SLACK_MS = 25;

  @TempDir Path results;

  @Test
  void perRequestTimingsTokensAndCostMatchTheServer() throws Exception {
    try (Simulator sim =
        Simulator.start(
            SimulatorOptions.defaults().withProfileFile(resource("exact-profile.yaml")))) {
      RunOutput run =
          RunOutput.run(
              "run",
              resource("exact.yaml").toString(),
              "--target",
              sim.baseUrl().toString(),
              "--results",
              results.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      List<CSVRecord> rows = RunOutput.csv(run.resultsDir().resolve("requests.csv"));
      assertThat(rows).hasSize(4 * 4);
      for (CSVRecord r : rows) {
        assertThat(r.get("outcome")).isEqualTo("OK");
        assertThat(r.get("served_provider")).isEqualTo("Exact Host");
        assertThat(r.get("completion_tokens")).isEqualTo("50");
        if (r.get("phase").equals("WARMUP")) {
          continue; // cold JIT and connections: what warmup iterations are discarded for
        }
        assertThat(Double.parseDouble(r.get("ttft_ms"))).isBetween(TTFT_MS - 1, TTFT_MS + SLACK_MS);
        assertThat(Double.parseDouble(r.get("e2e_ms"))).isBetween(E2E_MS - 1, E2E_MS + SLACK_MS);
        assertThat(r.get("token_source")).isEqualTo("SERVER");
        BigDecimal expected =
            new BigDecimal("0.000001")
                .multiply(new BigDecimal(r.get("prompt_tokens")))
                .add(new BigDecimal("0.000002").multiply(BigDecimal.valueOf(50)));
        assertThat(new BigDecimal(r.get("cost_usd"))).isEqualByComparingTo(expected);
      }
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(TimingAgreementIT.class.getResource(name).toURI());
  }
}
