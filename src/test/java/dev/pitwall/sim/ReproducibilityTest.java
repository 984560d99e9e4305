package dev.pitwall.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.time.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two servers with one seed give the same outcomes, served providers and bytes, call by call. */
class ReproducibilityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock FIXED =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  private static List<String> run(long seed) throws Exception {
    LatencyModel fast = new LatencyModel(2, 0.5, 20_000, 0.3, 3, 15, 0.5);
    SimProfile profile =
        SimProfile.bundled()
            .withLatency(fast)
            .withFaults(
                List.of(
                    FaultRule.always(FaultKind.ERROR).forProvider("novita").withRate(0.5),
                    FaultRule.always(FaultKind.ERROR).withStatus(502).withRate(0.1),
                    FaultRule.always(FaultKind.ERROR)
                        .forProvider("deepinfra")
                        .withStatus(429)
                        .withRate(0.3)
                        .withDelayMs(1)));
    List<String> outcomes = new ArrayList<>();
    try (Simulator sim =
        Simulator.start(
            SimulatorOptions.defaults().withSeed(seed).withProfile(profile).withClock(FIXED))) {
      for (int i = 0; i < 30; i++) {
        String model = i % 2 == 0 ? "meta-llama/llama-3.1-70b-instruct" : "openai/gpt-4o";
        String body =
            "{\"model\":\""
                + model
                + "\",\"stream\":"
                + (i % 3 == 0)
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"q"
                + i
                + "\"}]}";
        var ex =
            RawHttp.exchange(
                sim.port(), RawHttp.post("/api/v1/chat/completions", body), Ticker.system());
        String status = ex.head().substring(9, 12);
        String rest = ex.body();
        if (i % 3 != 0 && status.equals("200")) {
          JsonNode n = JSON.readTree(rest);
          rest = n.get("provider").asText() + " " + n.at("/usage/completion_tokens").asInt();
        }
        outcomes.add(status + " " + rest);
      }
    }
    return outcomes;
  }

  @Test
  void sameSeedSameOutcomesProvidersAndBytes() throws Exception {
    List<String> a = run(7);
    List<String> b = run(7);
    assertThat(a).isEqualTo(b);
    assertThat(a).anyMatch(s -> s.startsWith("200")).anyMatch(s -> !s.startsWith("200"));
    assertThat(run(8)).isNotEqualTo(a);
  }
}
