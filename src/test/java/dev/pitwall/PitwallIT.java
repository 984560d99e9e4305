package dev.pitwall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.runner.RunStatus;
import dev.pitwall.suite.SuiteException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite run from Java code through {@link Pitwall}, the way docs/java-api.md shows it. */
class PitwallIT {
  @TempDir Path results;

  @Test
  void runsASuiteFromJava() throws Exception {
    RunOptions options =
        new OptionsBuilder()
            .suite("cap-theorem")
            .set("warmup", "0")
            .set("measurement", "1")
            .set("calls", "1")
            .set("max_tokens", "20")
            .target("simulator")
            .results(results)
            .build();

    RunOutcome outcome = new Pitwall(options).run();

    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(outcome.passed()).isTrue();
    assertThat(outcome.result().info().simulated()).isTrue();
    assertThat(outcome.result().series()).isNotEmpty();
    assertThat(outcome.runDir()).startsWith(results.resolve("cap-theorem"));
    assertThat(outcome.runDir().resolve("requests.csv")).isRegularFile();
    assertThat(outcome.runDir().resolve("manifest.json")).isRegularFile();
    assertThat(Files.readAllLines(outcome.runDir().resolve("requests.csv"))).hasSize(1 + 4);
  }

  @Test
  void primingIsAnnouncedAndLeavesNoRowsBehind() throws Exception {
    StringWriter out = new StringWriter();
    RunOptions options =
        new OptionsBuilder()
            .suite("cap-theorem")
            .set("warmup", "0")
            .set("measurement", "1")
            .set("calls", "1")
            .set("prime", "200")
            .target("simulator")
            .results(results)
            .out(new PrintWriter(out, true))
            .build();

    RunOutcome outcome = new Pitwall(options).run();

    assertThat(out.toString()).contains("# primed: 200 calls");
    assertThat(Files.readAllLines(outcome.runDir().resolve("requests.csv"))).hasSize(1 + 4);
    // the metrics hold the measured call of each cell, none of the primer's
    assertThat(outcome.result().series()).allSatisfy(s -> assertThat(s.outcomes().total()).isOne());
  }

  @Test
  void aNegativePrimingCountIsAUsageError() {
    RunOptions options =
        new OptionsBuilder().suite("cap-theorem").set("prime", "-1").results(results).build();

    assertThatThrownBy(() -> new Pitwall(options).run())
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("-Dprime=-1 is not a number of calls");
  }

  @Test
  void aTargetThatDoesNotAnswerIsRefusedBeforeAnyCall() {
    RunOptions options =
        new OptionsBuilder()
            .suite("cap-theorem")
            .target("http://127.0.0.1:1/api/v1")
            .environment(Map.of())
            .results(results)
            .build();

    assertThatThrownBy(() -> new Pitwall(options).run())
        .isInstanceOfSatisfying(
            RunRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(RunRefusedException.Reason.UNREACHABLE))
        .hasMessageContaining("cannot reach");
    assertThat(results).isEmptyDirectory();
  }

  @Test
  void aMissingSuiteIsASuiteProblem() {
    RunOptions options =
        new OptionsBuilder().suite("no-such-suite").target("simulator").results(results).build();

    assertThatThrownBy(() -> new Pitwall(options).run())
        .isInstanceOf(SuiteException.class)
        .hasMessageContaining("no-such-suite");
  }

  @Test
  void aSuiteNameIsRequired() {
    assertThatThrownBy(() -> new OptionsBuilder().build())
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("which suite?");
  }
}
