package dev.pitwall.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pitwall.sim.FaultKind;
import dev.pitwall.sim.FaultRule;
import dev.pitwall.sim.SimProfile;
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
 * OpenRouter's record of each call ({@code GET /generation}) in requests.csv: its latency and
 * generation time with {@code generation_stats}, and the bill of a call cut off by a timeout.
 */
class GenerationStatsIT {
  @TempDir Path results;

  @Test
  void generationStatsSplitTheServersTimeFromTheNetworks() throws Exception {
    List<CSVRecord> rows = run(exact(), "exact-generation.yaml");
    assertThat(rows).hasSize(3);
    for (CSVRecord r : rows) {
      assertThat(r.get("gen_latency_ms")).as(r.toString()).isNotEmpty();
      double latency = Double.parseDouble(r.get("gen_latency_ms"));
      double generation = Double.parseDouble(r.get("gen_time_ms"));
      // the exact profile: 300 ms to the first token, then 20 tokens 10 ms apart
      assertThat(latency - generation).isCloseTo(300, within(60.0));
      assertThat(generation).isCloseTo(190, within(60.0));
      // the server's whole latency is the client's E2E less the network, here a loopback
      assertThat(latency).isCloseTo(Double.parseDouble(r.get("e2e_ms")), within(30.0));
    }
  }

  @Test
  void aTimedOutCallCarriesTheCostOpenRouterBilled() throws Exception {
    SimProfile stalling = exact().withFaults(List.of(FaultRule.always(FaultKind.STALL)));
    List<CSVRecord> rows = run(stalling, "exact-timeout.yaml");
    assertThat(rows).hasSize(2);
    for (CSVRecord r : rows) {
      assertThat(r.get("outcome")).isEqualTo("TIMEOUT");
      assertThat(r.get("gen_latency_ms")).isEmpty(); // generation_stats is off
      // OpenRouter's bill: the prompt (7 tokens at $1/M) and the one token streamed before the
      // stall (at $2/M); the client alone saw one token and no prompt count ($0.000002)
      assertThat(new BigDecimal(r.get("cost_usd"))).isEqualByComparingTo("0.000009");
    }
  }

  private static SimProfile exact() throws URISyntaxException {
    return SimProfile.load(RunOutput.resource("exact-profile.yaml"));
  }

  private List<CSVRecord> run(SimProfile profile, String suite) throws Exception {
    try (Simulator sim = Simulator.start(SimulatorOptions.defaults().withProfile(profile))) {
      RunOutput run = RunOutput.runSuite(suite, sim.baseUrl(), results);
      assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 1);
      return RunOutput.csv(run.resultsDir().resolve("requests.csv"));
    }
  }
}
