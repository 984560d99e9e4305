package dev.pitwall.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {
  @TempDir Path dir;

  private SuiteFiles files() {
    return new SuiteFiles(dir);
  }

  @Test
  void capTheoremLoadsAsWritten() throws Exception {
    Suite s = SuiteLoader.load(Path.of("benchmarks/cap-theorem.yaml"), Map.of());
    assertThat(s.name()).isEqualTo("cap-theorem");
    assertThat(s.description()).isEqualTo("One question, four providers' flagship models");
    assertThat(s.prompts())
        .containsExactly(
            new Prompt(
                "cap",
                List.of(new Message("user", "Explain the CAP theorem in distributed systems"))));
    assertThat(s.models())
        .extracting(ModelSpec::id)
        .containsExactly(
            "anthropic/claude-sonnet-5",
            "openai/gpt-5.5",
            "google/gemini-3.1-pro-preview",
            "meta-llama/llama-4-maverick");
    assertThat(s.models().get(0).request())
        .isEqualTo(new RequestParams(500, 0.0, null, null, null, true, false, Map.of()));
    assertThat(s.load()).isEqualTo(new Load(LoadMode.CLOSED, 2, 0, Arrival.CONSTANT, 1));
    assertThat(s.iterations()).isEqualTo(new Iterations(1, 5, 2));
    assertThat(s.limits()).isEqualTo(new Limits(120, null, new BigDecimal("1.00")));
    assertThat(s.timeouts()).isEqualTo(Timeouts.DEFAULTS);
    assertThat(s.retries()).isEqualTo(Retries.NONE);
    assertThat(Plan.of(s).totalCalls()).isEqualTo(48);
  }

  @Test
  void theDesignDocumentsFormatLoads() throws Exception {
    Suite s =
        files()
            .load(
                """
                suite: cap-theorem
                description: One question, four providers' flagship models
                prompts:
                  - id: cap
                    messages:
                      - {role: user, content: Explain the CAP theorem in distributed systems}
                models:
                  - anthropic/claude-3.5-sonnet
                  - openai/gpt-4o
                request: {max_tokens: 500, temperature: 0, stream: true}
                load: {mode: closed, concurrency: 1}
                iterations: {warmup: 1, measurement: 5, calls: 3}
                limits: {requests_per_minute: 60, max_cost_usd: 0.50}
                """);
    assertThat(Plan.of(s).totalCalls()).isEqualTo(2 * 3 * 6);
  }

  @Test
  void aPlainPromptIsOneUserMessage() throws Exception {
    Suite s = files().load("suite: t\nprompt: Hello there\nmodels: [openai/gpt-4o]\n");
    assertThat(s.prompts())
        .containsExactly(new Prompt("prompt", List.of(new Message("user", "Hello there"))));
    assertThat(s.load()).isEqualTo(Load.CLOSED_SINGLE);
    assertThat(s.iterations()).isEqualTo(Iterations.DEFAULTS);
  }

  @Test
  void multiTurnMessagesKeepTheirRolesAndOrder() throws Exception {
    Suite s =
        files()
            .load(
                """
                suite: t
                prompts:
                  - id: chat
                    messages:
                      - {role: system, content: Be terse.}
                      - {role: user, content: Hi}
                      - {role: assistant, content: Hello.}
                      - {role: user, content: "What is 2+2?"}
                models: [openai/gpt-4o]
                """);
    assertThat(s.prompts().get(0).messages())
        .extracting(Message::role)
        .containsExactly("system", "user", "assistant", "user");
  }

  @Test
  void perModelSettingsWinOverTheSuiteFieldByField() throws Exception {
    Suite s =
        files()
            .load(
                SuiteFiles.HEAD
                    + """
                    request: {max_tokens: 500, temperature: 0.5, stop: END}
                    models:
                      - openai/gpt-4o
                      - id: openai/gpt-4o-mini
                        label: mini-json
                        json_mode: true
                        request: {max_tokens: 100, seed: 7, reasoning: low, extra: {user: bench}}
                    """);
    RequestParams plain = s.models().get(0).request();
    RequestParams tuned = s.models().get(1).request();
    assertThat(plain.maxTokens()).isEqualTo(500);
    assertThat(plain.jsonMode()).isFalse();
    assertThat(tuned.maxTokens()).isEqualTo(100);
    assertThat(tuned.temperature()).isEqualTo(0.5);
    assertThat(tuned.stop()).containsExactly("END");
    assertThat(tuned.seed()).isEqualTo(7L);
    assertThat(tuned.jsonMode()).isTrue();
    assertThat(tuned.extra())
        .containsOnly(entry("reasoning", Map.of("effort", "low")), entry("user", "bench"));
    assertThat(Plan.of(s).cells())
        .extracting(Cell::id)
        .containsExactly("cap/openai/gpt-4o", "cap/mini-json");
  }

  @Test
  void aResponseFormatPassesThroughAndTurnsJsonModeOn() throws Exception {
    Suite s =
        files()
            .load(
                SuiteFiles.HEAD
                    + """
                    models:
                      - id: mistralai/mistral-large
                        request:
                          response_format: {type: json_schema, json_schema: {name: a, strict: true}}
                    """);
    RequestParams r = s.models().get(0).request();
    assertThat(r.jsonMode()).isTrue();
    assertThat(r.extra().get("response_format"))
        .isEqualTo(
            Map.of("type", "json_schema", "json_schema", Map.of("name", "a", "strict", true)));
  }

  @Test
  void providersExpandIntoPinnedCellsPlusAnOptionalFreeOne() throws Exception {
    Suite s =
        files()
            .load(
                SuiteFiles.HEAD
                    + """
                    models:
                      - id: anthropic/claude-3.5-sonnet
                        providers: [anthropic, amazon-bedrock]
                        free_routing: true
                        data_collection: deny
                      - id: openai/gpt-4o
                        order: [azure, openai]
                        allow_fallbacks: true
                        fallback_models: [anthropic/claude-3.5-sonnet]
                    """);
    List<Cell> cells = Plan.of(s).cells();
    assertThat(cells)
        .extracting(Cell::id, Cell::requestedProviderLabel)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "cap/anthropic/claude-3.5-sonnet@anthropic", "anthropic"),
            org.assertj.core.groups.Tuple.tuple("cap/openai/gpt-4o@azure>openai", "azure"),
            org.assertj.core.groups.Tuple.tuple(
                "cap/anthropic/claude-3.5-sonnet@amazon-bedrock", "amazon-bedrock"),
            org.assertj.core.groups.Tuple.tuple("cap/anthropic/claude-3.5-sonnet@routed", "auto"));
    Route pinned = cells.get(0).route();
    assertThat(pinned.order()).containsExactly("anthropic");
    assertThat(pinned.allowFallbacks()).isFalse();
    assertThat(pinned.dataCollection()).isEqualTo("deny");
    assertThat(pinned.isPinned()).isTrue();
    assertThat(cells.get(1).route().allowFallbacks()).isTrue();
    assertThat(cells.get(1).request().extra())
        .containsEntry("models", List.of("anthropic/claude-3.5-sonnet"));
    assertThat(s.models().get(1).fallbackModels()).containsExactly("anthropic/claude-3.5-sonnet");
  }

  @Test
  void openLoopRatesTakeUnitsAndDurationBoundsIterations() throws Exception {
    Suite s =
        files()
            .load(
                SuiteFiles.HEAD
                    + """
                    models: [openai/gpt-4o, openai/gpt-4o-mini]
                    load: {rate: 30/min, arrival: poisson, seed: 42}
                    iterations: {warmup: 0, measurement: 2, duration: 20s}
                    timeouts: {connect: 500ms, first_token: 5, total: 1m}
                    retries: {max: 3, backoff: 100ms, max_wait: 2m}
                    """);
    assertThat(s.load()).isEqualTo(new Load(LoadMode.OPEN, 64, 0.5, Arrival.POISSON, 42));
    // 0.5 calls/s for 20 s = 10 calls per iteration, 5 per cell
    assertThat(s.iterations()).isEqualTo(new Iterations(0, 2, 5, Duration.ofSeconds(20)));
    assertThat(s.timeouts())
        .isEqualTo(
            new Timeouts(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMinutes(1)));
    assertThat(s.retries().maxRetries()).isEqualTo(3);
    assertThat(s.retries().initialBackoff()).isEqualTo(Duration.ofMillis(100));
    assertThat(s.retries().maxWait()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aTimeBoundClosedLoopHasNoCallCap() throws Exception {
    Suite s =
        files().load(SuiteFiles.HEAD + "models: [openai/gpt-4o]\niterations: {duration: 2m}\n");
    assertThat(s.iterations().calls()).isEqualTo(Iterations.UNBOUNDED);
    assertThat(s.iterations().isTimeBound()).isTrue();
    assertThat(s.effectiveSettings()).containsEntry("iterations.calls", "unbounded");
  }

  @Test
  void perProviderLimitsAndSlosAreRead() throws Exception {
    Suite s =
        files()
            .load(
                SuiteFiles.HEAD
                    + """
                    models:
                      - {id: meta-llama/llama-3.1-70b-instruct, providers: [deepinfra, together]}
                    load: {mode: open, rate: 2}
                    limits:
                      requests_per_minute: 120
                      providers:
                        deepinfra: {requests_per_minute: 60, tokens_per_minute: 9000}
                    slos: {ttft_p95_ms: 800, error_rate: 0.01, output_speed_min: 20}
                    allowed_providers: [deepinfra, together]
                    """);
    assertThat(s.limits().forProvider("deepinfra")).isEqualTo(new ProviderLimits(60, 9000));
    assertThat(s.limits().forProvider("together")).isNull();
    assertThat(s.slos())
        .containsExactly(
            new Slo("ttft_p95_ms", 800),
            new Slo("error_rate", 0.01),
            new Slo("output_speed_min", 20));
    assertThat(s.allowedProviders()).containsExactly("deepinfra", "together");
  }

  @Test
  void anchorsAndMergeKeysWork() throws Exception {
    Suite s =
        files()
            .load(
                SuiteFiles.HEAD
                    + """
                    request: &base {max_tokens: 100, temperature: 0}
                    models:
                      - id: openai/gpt-4o
                        request: {<<: *base, max_tokens: 50}
                    """);
    assertThat(s.models().get(0).request().maxTokens()).isEqualTo(50);
    assertThat(s.models().get(0).request().temperature()).isEqualTo(0.0);
  }

  @Test
  void aModelCatalogTurnsUnknownIdsIntoProblemsWithTheNearestIds() {
    SuiteFiles f = files();
    Path p = f.write("suite.yaml", SuiteFiles.HEAD + "models: [openai/gpt-4-o]\n");
    SuiteException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            SuiteException.class, () -> SuiteLoader.load(p, Map.of(), CATALOG));
    assertThat(e.getProblems().get(0).message()).isEqualTo("unknown model 'openai/gpt-4-o'");
    assertThat(e.getProblems().get(0).hint()).startsWith("did you mean 'openai/gpt-4o'");
  }

  private static final KnownModels CATALOG =
      new KnownModels(
          List.of(
              new KnownModels.Current("openai/gpt-4o", 1_715_367_049L),
              new KnownModels.Current("openai/gpt-4o-mini", 1_721_260_800L),
              new KnownModels.Current("anthropic/claude-sonnet-4.5", 1_759_104_000L),
              new KnownModels.Current("anthropic/claude-sonnet-5", 1_782_777_600L),
              new KnownModels.Current("mistralai/mistral-large", 1_708_905_600L)),
          List.of(
              new KnownModels.Retired(
                  "anthropic/claude-3.5-sonnet", "2025-10-22", "anthropic/claude-sonnet-4.5")),
          id ->
              id.startsWith("anthropic/")
                  ? Map.of("anthropic", "Anthropic", "google-vertex", "Google")
                  : Map.of());

  @Test
  void aRetiredModelNamesItsRetirementAndTheAuthorsNewestModelsInsteadOfASpelling() {
    Path p =
        files().write("suite.yaml", SuiteFiles.HEAD + "models:\n  - anthropic/claude-3.5-sonnet\n");
    SuiteException e =
        catchThrowableOfType(SuiteException.class, () -> SuiteLoader.load(p, Map.of(), CATALOG));
    assertThat(e.getProblems()).hasSize(1);
    assertThat(e.getMessage())
        .startsWith(
            p
                + ":5:5: anthropic/claude-3.5-sonnet is not offered by OpenRouter (retired"
                + " 2025-10-22)");
    assertThat(e.getProblems().get(0).hint())
        .isEqualTo(
            "its successor is anthropic/claude-sonnet-4.5; newest models of anthropic:"
                + " anthropic/claude-sonnet-5 (2026-06-30), anthropic/claude-sonnet-4.5"
                + " (2025-09-29)");
  }

  @Test
  void documentedVariantsAreAcceptedAndOthersAreNot() throws Exception {
    Path ok =
        files()
            .write(
                "suite.yaml",
                SuiteFiles.HEAD
                    + "models: [openai/gpt-4o:nitro, openai/gpt-4o:floor, openai/gpt-4o:online,"
                    + " openai/gpt-4o:free, anthropic/claude-sonnet-5:thinking]\n");
    assertThat(SuiteLoader.load(ok, Map.of(), CATALOG).models()).hasSize(5);
    Path bad = files().write("suite.yaml", SuiteFiles.HEAD + "models: [openai/gpt-4o:turbo]\n");
    SuiteException e =
        catchThrowableOfType(SuiteException.class, () -> SuiteLoader.load(bad, Map.of(), CATALOG));
    assertThat(e.getProblems().get(0).message())
        .isEqualTo("':turbo' is not an OpenRouter model variant");
  }

  @Test
  void aProviderThatDoesNotServeTheModelIsAProblemAtItsSlugListingTheRealOnes() {
    Path p =
        files()
            .write(
                "suite.yaml",
                SuiteFiles.HEAD
                    + "models:\n"
                    + "  - id: anthropic/claude-sonnet-5\n"
                    + "    providers: [anthropic, lambda]\n"
                    + "  - id: anthropic/claude-sonnet-4.5\n"
                    + "    order: [google-vertex/europe, amazon-bedrok]\n");
    SuiteException e =
        catchThrowableOfType(SuiteException.class, () -> SuiteLoader.load(p, Map.of(), CATALOG));
    assertThat(e.getProblems()).hasSize(2);
    assertThat(e.getProblems().get(0).message())
        .isEqualTo("provider 'lambda' does not serve anthropic/claude-sonnet-5");
    assertThat(e.getProblems().get(0).line()).isEqualTo(6);
    assertThat(e.getProblems().get(0).column()).isEqualTo(28);
    assertThat(e.getProblems().get(0).hint())
        .contains("anthropic (Anthropic)")
        .contains("google-vertex (Google)");
    assertThat(e.getProblems().get(1).message())
        .isEqualTo("provider 'amazon-bedrok' does not serve anthropic/claude-sonnet-4.5");
  }

  @Test
  void effectiveSettingsListEveryValueInAStableOrder() throws Exception {
    Suite s = SuiteLoader.load(Path.of("benchmarks/cap-theorem.yaml"), Map.of("calls", "4"));
    Map<String, String> settings = s.effectiveSettings();
    assertThat(settings)
        .containsEntry("suite", "cap-theorem")
        .containsEntry("iterations.calls", "4")
        .containsEntry("limits.max_cost_usd", "1.00")
        .containsEntry("model.openai/gpt-5.5.max_tokens", "500");
    assertThat(settings.keySet()).startsWith("suite", "source", "prompts", "models", "load.mode");
    assertThat(s.effectiveSettings()).isEqualTo(settings);
  }
}
