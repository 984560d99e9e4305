package dev.pitwall.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.history.CompareOptions;
import dev.pitwall.history.CompareResult;
import dev.pitwall.history.Comparer;
import dev.pitwall.history.Comparison;
import dev.pitwall.history.RunFigures;
import dev.pitwall.runfolder.RunFolder;
import dev.pitwall.sim.FaultKind;
import dev.pitwall.sim.FaultRule;
import dev.pitwall.sim.SimProfile;
import dev.pitwall.sim.Simulator;
import dev.pitwall.sim.SimulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole nights against the simulator: quiet nights build a baseline; a night with the provider's
 * first token 1.5× slower, one with an error burst and one with a dearer price must each be
 * flagged, and a night of noise alone must not.
 */
class SimulatedNightsIT {
  static String profile(int ttftMs, String completionPrice) {
    return """
        models:
          - id: night/model
            name: "Night: Model"
            created: 1729555200
            context_length: 8000
            modality: text->text
            tokenizer: Other
            endpoints:
              - provider_name: Night Host
                provider_slug: night-host
                prompt_price: "0.000001"
                completion_price: "%s"
                context_length: 8000
                max_completion_tokens: 4000
                supported_parameters: [max_tokens, temperature]
                latency: {ttft_median_ms: %d, ttft_sigma: 0.15, tokens_per_second: 800, jitter: 0.1, tokens_per_chunk: 1, answer_tokens_median: 20, answer_tokens_sigma: 0.1}
        """
        .formatted(completionPrice, ttftMs);
  }

  static final String PRICE = "0.000002";

  @TempDir Path results;

  /** One port for every night: a target is its URL, and runs of different targets never compare. */
  static final int PORT = freePort();

  static int freePort() {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  RunFigures night(long seed, SimProfile profile) throws Exception {
    try (Simulator sim =
        Simulator.start(
            SimulatorOptions.defaults().withProfile(profile).withSeed(seed).withPort(PORT))) {
      RunOutput run =
          RunOutput.run(
              "run",
              Path.of(SimulatedNightsIT.class.getResource("night.yaml").toURI()).toString(),
              "--target",
              sim.baseUrl().toString(),
              "--results",
              results.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      return RunFigures.of(RunFolder.read(run.resultsDir()));
    }
  }

  static SimProfile quiet() {
    return SimProfile.parse(profile(40, PRICE), "night-profile");
  }

  static List<String> flagged(RunFigures tonight, List<RunFigures> baseline) {
    CompareResult r =
        Comparer.compare(
            tonight,
            baseline,
            CompareOptions.defaults(),
            Comparer.SettingsLookup.NONE,
            new ArrayList<>());
    return r.regressions().stream().map(Comparison::measure).map(m -> m.id()).toList();
  }

  @Test
  void slowdownErrorBurstAndPriceRiseAreFlaggedNoiseIsNot() throws Exception {
    List<RunFigures> baseline = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      baseline.add(night(seed, quiet()));
    }
    assertThat(flagged(night(11, quiet()), baseline)).as("noise").isEmpty();
    assertThat(flagged(night(12, SimProfile.parse(profile(60, PRICE), "slow")), baseline))
        .as("TTFT x1.5")
        .contains("ttft");
    assertThat(
            flagged(
                night(
                    13,
                    quiet().withFaults(List.of(FaultRule.always(FaultKind.ERROR).withRate(0.35)))),
                baseline))
        .as("error burst")
        .contains("error_rate");
    assertThat(flagged(night(14, SimProfile.parse(profile(40, "0.0000025"), "dear")), baseline))
        .as("price x1.25")
        .contains("cost_per_mtok");
  }
}
