package dev.pitwall.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.sim.FaultKind;
import dev.pitwall.sim.FaultRule;
import dev.pitwall.sim.RateLimits;
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
 * Exit codes when the target, not the suite, decides (docs/cli.md): every call failing, a provider
 * outside the data policy, the account running out of credits and the key rejected mid-run. Each
 * test starts a simulator of its own with the exact profile and its fault or limit.
 */
class TargetFailuresIT {
  /**
   * A key limit that two calls of exact-few.yaml leave room under and the third uses up: each costs
   * about $0.00005 (a few prompt tokens at $1/M, 20 answer tokens at $2/M).
   */
  private static final BigDecimal THREE_CALLS = new BigDecimal("0.00012");

  @TempDir Path results;

  @Test
  void aRunWhoseCallsAllFailExitsOneWithoutAnySlo() throws Exception {
    RunOutput run = run(faulty(400), "exact-few.yaml");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("FAILED: cell hello/exact/model: none of its 6 measured attempt(s) succeeded");
    assertThat(outcomes(run)).hasSize(6).containsOnly("CLIENT_ERROR");
    assertThat(run.resultsDir().resolve("report.md")).content().contains("failed**");
  }

  @Test
  void aDataPolicyViolationExitsOne() throws Exception {
    RunOutput run = run(exact(), "exact-policy.yaml");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("FAILED: data policy: Exact Host served 2 measured attempt(s) of exact/model");
    assertThat(outcomes(run)).containsOnly("OK");
  }

  @Test
  void runningOutOfCreditsStopsAtOnceAndExitsFour() throws Exception {
    RunOutput run =
        run(
            exact().withRateLimits(new RateLimits(null, null, THREE_CALLS)),
            "exact-few.yaml",
            "--allow-over-budget");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(4);
    List<CSVRecord> rows = RunOutput.csv(run.resultsDir().resolve("requests.csv"));
    assertThat(rows.stream().map(r -> r.get("outcome")))
        .containsExactly("OK", "OK", "OK", "CLIENT_ERROR", "BUDGET_STOPPED", "BUDGET_STOPPED");
    assertThat(rows.get(3).get("http_status")).isEqualTo("402");
    assertThat(rows.get(5).get("error_message")).contains("HTTP 402");
    assertThat(run.out()).contains("PARTIAL RUN: budget exhausted: the account has no credits");
  }

  @Test
  void aKeyLimitBelowThePlansBoundIsRefusedBeforeAnyCall() throws Exception {
    RunOutput run =
        run(exact().withRateLimits(new RateLimits(null, null, THREE_CALLS)), "exact-few.yaml");
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("limit_remaining $0.00012").contains("up to $0.0003");
    assertThat(results).isEmptyDirectory();
  }

  @Test
  void aKeyRejectedMidRunStopsAndExitsThree() throws Exception {
    RunOutput run = run(faulty(401), "exact-few.yaml");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(outcomes(run)).startsWith("CLIENT_ERROR").containsOnly("CLIENT_ERROR", "CANCELLED");
    assertThat(run.out()).contains("PARTIAL RUN: the target stopped accepting the API key");
  }

  private static SimProfile exact() throws URISyntaxException {
    return SimProfile.load(RunOutput.resource("exact-profile.yaml"));
  }

  private static SimProfile faulty(int status) throws URISyntaxException {
    return exact().withFaults(List.of(FaultRule.always(FaultKind.ERROR).withStatus(status)));
  }

  private RunOutput run(SimProfile profile, String suite, String... extra) throws Exception {
    try (Simulator sim = Simulator.start(SimulatorOptions.defaults().withProfile(profile))) {
      return RunOutput.runSuite(suite, sim.baseUrl(), results, extra);
    }
  }

  private static List<String> outcomes(RunOutput run) throws Exception {
    return RunOutput.csv(run.resultsDir().resolve("requests.csv")).stream()
        .map(r -> r.get("outcome"))
        .toList();
  }
}
