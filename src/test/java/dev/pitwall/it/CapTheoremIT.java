package dev.pitwall.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.sim.SimEndpoint;
import dev.pitwall.sim.SimProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's run: cap-theorem through the same entry point as {@code mvn exec:java}, on the
 * built-in simulator, with fewer iterations so the test stays short.
 */
class CapTheoremIT {
  private static final int MODELS = 4;
  private static final int WARMUP = 1;
  private static final int MEASUREMENT = 2;
  private static final int CALLS = 2;

  @TempDir Path results;

  @Test
  void runsTheSeedSuiteEndToEndAndWritesEveryOutput() throws Exception {
    RunOutput run =
        RunOutput.run(
            "run",
            "cap-theorem",
            "--target",
            "simulator",
            "--results",
            results.toString(),
            "-Dmeasurement=" + MEASUREMENT,
            "-Dcalls=" + CALLS,
            "-Drequests_per_minute=1200");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("SIMULATED RUN");
    Path dir = run.resultsDir();
    assertThat(dir.getParent().getFileName().toString()).isEqualTo("cap-theorem");
    assertThat(dir.getFileName().toString()).matches("\\d{8}T\\d{6}Z(-\\d+)?");
    assertThat(dir.resolve("requests.csv")).isRegularFile();
    assertThat(dir.resolve("summary.csv")).isRegularFile();
    assertThat(dir.resolve("manifest.json")).content().contains("\"simulated\" : true");
    try (Stream<Path> charts = Files.list(dir.resolve("charts"))) {
      assertThat(charts.filter(p -> p.toString().endsWith(".png"))).isNotEmpty();
    }

    Path requests = dir.resolve("requests.csv");
    assertThat(RunOutput.header(requests))
        .contains(
            "call_id",
            "generation_id",
            "iteration",
            "phase",
            "model",
            "requested_provider",
            "served_provider",
            "outcome",
            "http_status",
            "ttft_ms",
            "e2e_ms",
            "prompt_tokens",
            "completion_tokens",
            "cost_usd",
            "error_message");
    List<CSVRecord> rows = RunOutput.csv(requests);
    assertThat(rows).hasSize(MODELS * (WARMUP + MEASUREMENT) * CALLS);
    assertThat(rows).allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("OK"));
    assertThat(rows).allSatisfy(r -> assertThat(r.get("generation_id")).startsWith("gen-"));
    assertThat(rows.stream().map(r -> r.get("model")).distinct()).hasSize(MODELS);

    // Measured TTFT sits near what the simulator's profile configures for the serving endpoint:
    // the geometric mean of measured / configured over all calls, within ±25 %.
    SimProfile profile = SimProfile.bundled();
    double logSum = 0;
    for (CSVRecord r : rows) {
      SimEndpoint endpoint =
          profile.endpointsOf(r.get("model")).stream()
              .filter(e -> e.providerName().equals(r.get("served_provider")))
              .findFirst()
              .orElseThrow();
      logSum += Math.log(Double.parseDouble(r.get("ttft_ms")) / endpoint.latency().ttftMedianMs());
    }
    assertThat(Math.exp(logSum / rows.size())).isBetween(0.75, 1.33);

    List<String> summary = RunOutput.header(dir.resolve("summary.csv"));
    assertThat(summary.subList(0, 7))
        .containsExactly(
            "Benchmark", "Mode", "Threads", "Samples", "Score", "Score Error (99.9%)", "Unit");
  }

  @Test
  void anUnknownSuiteIsAUsageErrorListingTheSuites() {
    RunOutput run = RunOutput.run("run", "nope", "--results", results.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no suite 'nope' in benchmarks/").contains("cap-theorem");
    assertThat(results).isEmptyDirectory();
  }

  @Test
  void aYamlSyntaxErrorNamesFileLineAndColumn() throws Exception {
    Path broken = results.resolve("broken.yaml");
    Files.writeString(broken, "suite: broken\nmodels: [a/b\nprompts: x\n");
    RunOutput run = RunOutput.run("run", broken.toString(), "--results", results.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).containsPattern("broken\\.yaml:\\d+:\\d+");
    try (Stream<Path> files = Files.list(results)) {
      assertThat(files).containsExactly(broken);
    }
  }
}
