package dev.pitwall.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suites whose parts are valid but which cannot run as written. */
class SuiteChecksTest {
  @TempDir Path dir;

  private List<SuiteProblem> problems(String tail) {
    return new SuiteFiles(dir).problems(SuiteFiles.HEAD + tail);
  }

  @Test
  void aPerProviderLimitBelowThatProvidersShareOfTheRateIsImpossible() {
    List<SuiteProblem> p =
        problems(
            """
            models:
              - {id: meta-llama/llama-3.1-70b-instruct, providers: [deepinfra, together]}
            load: {rate: 2/s}
            limits:
              providers:
                deepinfra: {requests_per_minute: 50}
            """);
    assertThat(p).hasSize(1);
    assertThat(p.get(0).line()).isEqualTo(9);
    assertThat(p.get(0).message())
        .isEqualTo(
            "provider deepinfra is offered 60 requests per minute (1 of 2 cells at 120/min) but"
                + " limited to 50");
    assertThat(p.get(0).hint()).startsWith("raise its requests_per_minute to at least 60");
  }

  @Test
  void aLimitForAProviderNoCellAsksForWouldNeverApply() {
    List<SuiteProblem> p =
        problems(
            """
            models:
              - {id: meta-llama/llama-3.1-70b-instruct, providers: [deepinfra, together]}
            limits:
              providers:
                deepinfa: {requests_per_minute: 50}
            """);
    assertThat(p.get(0).message())
        .isEqualTo("no cell asks for provider 'deepinfa' first, so this limit would never apply");
    assertThat(p.get(0).hint()).isEqualTo("did you mean 'deepinfra'?");
  }

  @Test
  void aPinnedProviderOutsideTheDataPolicyIsRefused() {
    List<SuiteProblem> p =
        problems(
            """
            allowed_providers: [anthropic]
            models:
              - id: anthropic/claude-3.5-sonnet
                providers: [anthropic, google-vertex]
            """);
    assertThat(p).hasSize(1);
    assertThat(p.get(0).line()).isEqualTo(7);
    assertThat(p.get(0).column()).isEqualTo(28);
    assertThat(p.get(0).message())
        .isEqualTo(
            "provider 'google-vertex' of anthropic/claude-3.5-sonnet is not in allowed_providers"
                + " [anthropic]");
  }

  @Test
  void tokensPerMinuteBelowMaxTokensCanNeverFitACall() {
    List<SuiteProblem> p =
        problems(
            """
            models: [openai/gpt-4o]
            request: {max_tokens: 2000}
            limits: {tokens_per_minute: 1000}
            """);
    assertThat(p.get(0).message()).startsWith("tokens_per_minute 1000 is below max_tokens 2000");
  }

  @Test
  void theSameModelTwiceNeedsALabel() {
    List<SuiteProblem> p =
        problems(
            """
            models:
              - openai/gpt-4o
              - {id: openai/gpt-4o, json_mode: true}
            """);
    assertThat(p.get(0).message()).contains("appears twice with the same route");
    assertThat(p.get(0).hint()).contains("label:");
  }

  @Test
  void duplicateKeysAreProblemsNotSilentlyLastWins() {
    List<SuiteProblem> p =
        problems("models: [openai/gpt-4o]\nload: {concurrency: 2, concurrency: 3}\n");
    assertThat(p.get(0).message()).isEqualTo("duplicate key 'concurrency'");
    assertThat(p.get(0).hint()).isEqualTo("it is already set on line 5; keep one of the two");
  }

  @Test
  void anOpenLoopNeedsARateAndAClosedLoopRefusesOne() {
    assertThat(problems("models: [openai/gpt-4o]\nload: {mode: open}\n"))
        .extracting(SuiteProblem::message)
        .containsExactly("an open loop needs a rate");
    assertThat(problems("models: [openai/gpt-4o]\nload: {mode: closed, rate: 2/s}\n"))
        .extracting(SuiteProblem::message)
        .containsExactly("rate only applies to an open loop");
  }

  @Test
  void outOfRangeAndMistypedValuesSayWhatIsAllowed() {
    assertThat(
            problems(
                """
                models: [openai/gpt-4o]
                request: {temperature: 3, top_p: -0.1, stop: [a, b, c, d, e]}
                timeouts: {first_token: 90s, total: 1m}
                slos: {ttft_p95: 300, error_rate: 5}
                load: {rate: fast}
                """))
        .extracting(SuiteProblem::message)
        .containsExactly(
            "temperature must be between 0 and 2, not 3",
            "top_p must be between 0 and 1, not -0.1",
            "stop takes at most 4 sequences, not 5",
            "the total timeout (PT1M) is shorter than the first-token timeout (PT1M30S)",
            "unknown SLO 'ttft_p95'",
            "error_rate must be between 0 and 1, not 5",
            "rate must be calls per second or per minute, not the text 'fast'");
  }

  @Test
  void aSuiteWithoutPromptsOrNameSaysWhatToAdd() {
    List<SuiteProblem> p =
        new SuiteFiles(dir).problems("description: x\nmodels: [openai/gpt-4o]\n");
    assertThat(p)
        .extracting(SuiteProblem::message)
        .containsExactly(
            "a suite needs 'suite'", "the suite expands to zero cells: it has no prompts");
    assertThat(p.get(0).hint()).isEqualTo("add for example 'suite: suite'");
  }

  @Test
  void routingKeysThatPinnedCellsWouldIgnoreAreFlagged() {
    List<SuiteProblem> p =
        problems(
            """
            models:
              - {id: openai/gpt-4o, providers: [openai, azure], only: [openai]}
            """);
    assertThat(p.get(0).message())
        .isEqualTo("only would be ignored: with 'providers' every cell is pinned");
    assertThat(p.get(0).hint()).startsWith("add 'free_routing: true'");
  }

  @Test
  void anOnlyListMayNotWidenTheDataPolicy() {
    List<SuiteProblem> p =
        problems(
            """
            allowed_providers: [openai]
            models:
              - {id: openai/gpt-4o, only: [openai, azure], allow_fallbacks: false}
            """);
    assertThat(p)
        .extracting(SuiteProblem::message)
        .containsExactly("provider 'azure' of openai/gpt-4o is not in allowed_providers [openai]");
  }
}
