package dev.pitwall.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each broken fixture gives a located, actionable message: file:line:col, the line, a hint. */
class BrokenSuiteTest {
  private static final Path BROKEN = Path.of("src/test/resources/dev/pitwall/suite/broken");

  private static SuiteException load(String name) {
    return catchThrowableOfType(
        SuiteException.class, () -> SuiteLoader.load(BROKEN.resolve(name), Map.of()));
  }

  private static String at(String name, int line, int col) {
    return BROKEN.resolve(name) + ":" + line + ":" + col + ": ";
  }

  @Test
  void typoKeysSuggestTheRightKeyAndAllAreReportedInFileOrder() {
    SuiteException e = load("typo-key.yaml");
    assertThat(e.getProblems())
        .extracting(SuiteProblem::line, SuiteProblem::column, SuiteProblem::hint)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(7, 22, "did you mean 'concurrency'?"),
            org.assertj.core.groups.Tuple.tuple(8, 1, "did you mean 'iterations'?"));
    assertThat(e.getMessage())
        .contains(at("typo-key.yaml", 7, 22) + "unknown key 'concurency' in load")
        .contains("    7 | load: {mode: closed, concurency: 2}\n      |                      ^")
        .endsWith("2 problems in " + BROKEN.resolve("typo-key.yaml"));
  }

  @Test
  void typosInsideAModelEntryAreCaughtToo() {
    assertThat(load("typo-in-model.yaml").getMessage())
        .contains(at("typo-in-model.yaml", 7, 5) + "unknown key 'provider' in a model")
        .contains("did you mean 'providers'?")
        .contains(at("typo-in-model.yaml", 8, 5) + "unknown key 'alow_fallbacks' in a model")
        .contains("did you mean 'allow_fallbacks'?");
  }

  @Test
  void wrongTypesNameWhatWasFoundAndWhatToWrite() {
    List<SuiteProblem> problems = load("wrong-type.yaml").getProblems();
    assertThat(problems)
        .extracting(SuiteProblem::message)
        .containsExactly(
            "max_tokens must be a whole number, not the text 'lots'",
            "stream must be true or false, not the text 'maybe'",
            "calls must be a whole number, not a list");
    assertThat(problems).extracting(SuiteProblem::line).containsExactly(8, 9, 11);
    assertThat(problems.get(1).hint()).isEqualTo("write true or false");
  }

  @Test
  void aMissingPromptFileNamesItsResolvedPath() {
    SuiteProblem p = load("bad-path.yaml").getProblems().get(0);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.column()).isEqualTo(11);
    assertThat(p.message())
        .isEqualTo(
            "prompt file not found: "
                + BROKEN.resolve("prompts/no-such-file.jsonl").toAbsolutePath());
    assertThat(p.hint()).startsWith("paths are relative to the suite file's folder");
  }

  @Test
  void badYamlIsOneProblemAtTheSpot() {
    SuiteException e = load("bad-yaml.yaml");
    assertThat(e.getProblems()).hasSize(1);
    assertThat(e.getMessage())
        .startsWith(at("bad-yaml.yaml", 2, 21) + "not valid YAML: mapping values are not allowed")
        .contains("    2 | description: Compare: two models\n      |                     ^")
        .contains("needs quotes");
  }

  @Test
  void aSuiteWithoutCellsIsRefused() {
    SuiteProblem p = load("zero-cells.yaml").getProblems().get(0);
    assertThat(p.format())
        .startsWith(
            at("zero-cells.yaml", 5, 9) + "the suite expands to zero cells: it has no models");
    assertThat(p.hint()).contains("- openai/gpt-4o");
  }

  @Test
  void aRateLimitBelowTheOfferedOpenLoopRateIsImpossible() {
    SuiteProblem p = load("impossible-limit.yaml").getProblems().get(0);
    assertThat(p.format())
        .startsWith(
            at("impossible-limit.yaml", 8, 31)
                + "requests_per_minute 60 is lower than the offered open-loop rate of 300 per"
                + " minute (load.rate on line 7)");
    assertThat(p.hint())
        .isEqualTo(
            "raise requests_per_minute to at least 300, or lower load.rate to at most 60/min");
  }

  @Test
  void negativeValuesAreAllReportedAtOnce() {
    assertThat(load("negative-values.yaml").getProblems())
        .extracting(SuiteProblem::message)
        .containsExactly(
            "concurrency must be at least 1, not -1",
            "warmup must be at least 0, not -1",
            "measurement must be at least 1, not 0",
            "max_cost_usd must be greater than 0, not -0.5");
  }

  @Test
  void providersAndOrderTogetherAreAmbiguous() {
    assertThat(load("providers-and-order.yaml").getMessage())
        .contains(at("providers-and-order.yaml", 8, 12))
        .contains("either 'providers' (one pinned cell each) or 'order' (one routed cell)");
  }

  @Test
  void aTabInTheIndentationIsReportedWhereItIs(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path p =
        java.nio.file.Files.writeString(
            dir.resolve("tab.yaml"), "suite: t\nload:\n\tconcurrency: 2\n");
    SuiteProblem problem =
        catchThrowableOfType(SuiteException.class, () -> SuiteLoader.load(p, Map.of()))
            .getProblems()
            .get(0);
    assertThat(problem.line()).isEqualTo(3);
    assertThat(problem.column()).isEqualTo(1);
    assertThat(problem.message()).contains("Do not use \\t(TAB) for indentation");
  }
}
