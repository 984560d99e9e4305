package dev.pitwall.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.sim.Simulator;
import dev.pitwall.sim.SimulatorOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes of docs/cli.md, through the real entry point, against the jitter-free profile. */
class ExitCodesIT {
  private static Simulator sim;

  @TempDir Path results;

  @BeforeAll
  static void start() throws URISyntaxException {
    sim =
        Simulator.start(
            SimulatorOptions.defaults().withProfileFile(RunOutput.resource("exact-profile.yaml")));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void aFailedSloExitsOneAfterWritingEverything() throws Exception {
    RunOutput run = run("exact-slo.yaml");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("ttft_p95_ms").contains("FAIL");
    assertThat(run.resultsDir().resolve("summary.csv")).content().contains("FAIL: ttft_p95_ms");
  }

  @Test
  void anExhaustedBudgetExitsFourWithTheRestBudgetStopped() throws Exception {
    RunOutput run = run("exact-budget.yaml", "--allow-over-budget");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
    assertThat(run.out()).contains("PARTIAL RUN: budget exhausted");
    List<CSVRecord> rows = RunOutput.csv(run.resultsDir().resolve("requests.csv"));
    assertThat(rows).hasSize(6);
    assertThat(rows.stream().map(r -> r.get("outcome")))
        .contains("OK", "BUDGET_STOPPED")
        .containsOnly("OK", "BUDGET_STOPPED");
    assertThat(run.resultsDir().resolve("manifest.json")).content().contains("\"partial\" : true");
  }

  @Test
  void aPlanOverBudgetIsRefusedBeforeAnyCall() throws Exception {
    RunOutput run = run("exact-budget.yaml");
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("more than max_cost_usd").contains("--allow-over-budget");
    assertThat(results).isEmptyDirectory();
  }

  @Test
  void planPrintsTheBoundThatRunRefusesOn() throws Exception {
    // this simulator by URL; and the bundled one with sample 03 (pinned providers' own prices, a
    // fallback model, 2 retries)
    String exact = RunOutput.resource("exact-budget.yaml").toString();
    String sample = "benchmarks/03-fallback-resilience.yaml";
    assertSameBound(exact, "-Dtarget=" + sim.baseUrl());
    assertSameBound(sample, "-Dtarget=simulator", "-Dmax_cost_usd=0.01");
  }

  private void assertSameBound(String suite, String... settings) {
    List<String> args = new java.util.ArrayList<>(List.of("plan", suite));
    args.addAll(List.of(settings));
    RunOutput plan = RunOutput.run(args.toArray(String[]::new));
    args.set(0, "run");
    args.addAll(List.of("--results", results.toString()));
    RunOutput run = RunOutput.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
    String bound = bound(run.err());
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("cost at most $" + bound)
        .contains("pitwall run would refuse: the plan may cost up to $" + bound);
    assertThat(results).isEmptyDirectory();
  }

  /** The X of "the plan may cost up to $X" in a refusal. */
  private static String bound(String refusal) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("the plan may cost up to \\$([0-9.]+)").matcher(refusal);
    assertThat(m.find()).as(refusal).isTrue();
    return m.group(1);
  }

  @Test
  void anUnreachableTargetExitsThreeBeforeAnyCall() throws Exception {
    RunOutput run = RunOutput.runSuite("exact-slo.yaml", "http://127.0.0.1:9/api/v1", results);
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("cannot reach");
    assertThat(results).isEmptyDirectory();
  }

  private RunOutput run(String suite, String... extra) throws URISyntaxException {
    return RunOutput.runSuite(suite, sim.baseUrl(), results, extra);
  }
}
