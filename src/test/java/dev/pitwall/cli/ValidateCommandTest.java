package dev.pitwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.CostBound;
import dev.pitwall.Target;
import dev.pitwall.TargetSession;
import dev.pitwall.suite.KnownModels;
import dev.pitwall.suite.Plan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Object command, String... args) {
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void aValidSuiteExitsZeroAndSaysWhatItWillDo() {
    assertThat(run(new ValidateCommand(), "cap-theorem")).isZero();
    assertThat(out.toString())
        .contains("suite cap-theorem is valid: 1 prompt(s), 4 model(s), 4 cell(s), 48 call(s)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void validateWithPlanPrintsTheCells() {
    assertThat(run(new ValidateCommand(), "cap-theorem", "--plan")).isZero();
    assertThat(out.toString())
        .contains("cap/openai/gpt-5.5")
        .contains("4 cells, 48 calls (8 warmup), at most 24000 output tokens")
        .contains("cost unknown (no price for some model); budget $1.00");
  }

  @Test
  void aBadSuiteExitsTwoWithLocatedProblems() {
    int code =
        run(new ValidateCommand(), "src/test/resources/dev/pitwall/suite/broken/typo-key.yaml");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("typo-key.yaml:7:22: unknown key 'concurency' in load")
        .contains("did you mean 'concurrency'?")
        .contains("typo-key.yaml:8:1: unknown key 'iteration' in the suite");
  }

  @Test
  void anUnknownSuiteNameListsTheSuitesThere() {
    assertThat(run(new ValidateCommand(), "nope")).isEqualTo(2);
    assertThat(err.toString())
        .contains("no suite 'nope' in benchmarks/")
        .contains("cap-theorem")
        .contains("nightly");
  }

  @Test
  void overridesAreValidatedToo() {
    assertThat(run(new ValidateCommand(), "cap-theorem", "-Dconcurrency=0")).isEqualTo(2);
    assertThat(err.toString()).contains("-Dconcurrency=0: concurrency must be at least 1, not 0");
  }

  @Test
  void planWithPricesBoundsTheCost() {
    assertThat(run(new PlanCommand(settings -> facts(null)), "cap-theorem")).isZero();
    // per cell: 12 calls x 500 max tokens x $2e-6 = $0.012, plus 12 x 15 prompt tokens x $1e-6
    assertThat(out.toString())
        .contains("0.0122")
        .contains("cost at most $0.0488; budget $1.00")
        .contains("pitwall run would start: the bound is within every budget");
  }

  @Test
  void planShowsTheKeysLimitRemainingAndThatRunWouldRefuseWithoutFailing() {
    assertThat(run(new PlanCommand(settings -> facts(new BigDecimal("0.02"))), "cap-theorem"))
        .isZero();
    assertThat(out.toString())
        .contains("key limit_remaining $0.02")
        .contains(
            "pitwall run would refuse: the plan may cost up to $0.0488 (48 calls at max_tokens,"
                + " retries and fallback models included), more than the key's limit_remaining"
                + " $0.02");
  }

  /**
   * A target pricing every model at $1 per million prompt tokens and $2 per million completion
   * tokens, whose key has {@code limitRemaining} left.
   */
  private static TargetFacts facts(BigDecimal limitRemaining) {
    return new TargetFacts() {
      @Override
      public KnownModels known() {
        return KnownModels.NONE;
      }

      @Override
      public CostBound bound(Plan plan) {
        return new CostBound(
            plan,
            (model, prompt, completion) ->
                Optional.of(BigDecimal.valueOf(prompt + 2L * completion).movePointLeft(6)));
      }

      @Override
      public Optional<BigDecimal> limitRemaining() {
        return Optional.ofNullable(limitRemaining);
      }
    };
  }

  @Test
  void everySampleNamesModelsAndProvidersTheBundledSnapshotListsAsCurrent() throws Exception {
    try (var samples = java.nio.file.Files.list(java.nio.file.Path.of("benchmarks"))) {
      for (var f : samples.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        assertThat(run(new ValidateCommand(settings -> SNAPSHOT), f.toString()))
            .as(f + ": " + err)
            .isZero();
      }
    }
  }

  @Test
  void aRetiredModelFailsValidationAgainstTheBundledSnapshot(@TempDir java.nio.file.Path dir)
      throws Exception {
    var suite = dir.resolve("old.yaml");
    java.nio.file.Files.writeString(
        suite,
        "suite: old\nprompts:\n  - {id: p, prompt: hi}\nmodels:\n  - google/gemini-2.0-flash-001\n");
    assertThat(run(new ValidateCommand(settings -> SNAPSHOT), suite.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            suite
                + ":5:5: google/gemini-2.0-flash-001 is not offered by OpenRouter (retired"
                + " 2026-06-01)")
        .contains("its successor is google/gemini-2.5-flash; newest models of google:");
  }

  /** The simulator's bundled snapshot, asked for nothing else. */
  private static final TargetFacts SNAPSHOT =
      new TargetFacts() {
        @Override
        public KnownModels known() {
          return TargetSession.knownModels(
              Target.resolve("simulator", java.util.Map.of()), null, null);
        }

        @Override
        public CostBound bound(Plan plan) {
          return NONE.bound(plan);
        }

        @Override
        public Optional<BigDecimal> limitRemaining() {
          return Optional.empty();
        }
      };
}
