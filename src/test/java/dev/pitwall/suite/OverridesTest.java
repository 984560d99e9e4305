package dev.pitwall.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The -D / CLI layer: suite defaults < per-model settings < overrides. */
class OverridesTest {
  @TempDir Path dir;

  private static final String SUITE =
      SuiteFiles.HEAD
          + """
          request: {max_tokens: 500, stream: true}
          models:
            - openai/gpt-4o
            - id: anthropic/claude-3.5-sonnet
              providers: [anthropic, amazon-bedrock]
              request: {max_tokens: 300}
          load: {concurrency: 2}
          iterations: {warmup: 1, measurement: 5, calls: 2}
          limits: {requests_per_minute: 120}
          """;

  private Suite load(Map<String, String> overrides) throws SuiteException {
    return new SuiteFiles(dir).load(SUITE, overrides);
  }

  @Test
  void overridesReplaceLoadIterationsAndLimits() throws Exception {
    Suite s =
        load(
            Map.of(
                "concurrency", "4",
                "calls", "10",
                "warmup", "0",
                "measurement", "3",
                "requests_per_minute", "600",
                "tokens_per_minute", "100000",
                "max_cost_usd", "1.25",
                "seed", "9"));
    assertThat(s.load().concurrency()).isEqualTo(4);
    assertThat(s.load().seed()).isEqualTo(9);
    assertThat(s.iterations()).isEqualTo(new Iterations(0, 3, 10));
    assertThat(s.limits()).isEqualTo(new Limits(600, 100000, new BigDecimal("1.25")));
  }

  @Test
  void retriesCanBeOverriddenWithOrWithoutARetriesMapping() throws Exception {
    assertThat(load(Map.of("retries", "3")).retries().maxRetries()).isEqualTo(3);
    Suite mapped =
        new SuiteFiles(dir)
            .load(SUITE + "retries: {max: 1, backoff: 100ms}\n", Map.of("retries", "4"));
    assertThat(mapped.retries().maxRetries()).isEqualTo(4);
    assertThat(mapped.retries().initialBackoff()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void generationStatsCanBeSwitchedOnFromTheCommandLine() throws Exception {
    assertThat(load(Map.of()).generationStats()).isFalse();
    assertThat(load(Map.of("generation_stats", "true")).generationStats()).isTrue();
  }

  @Test
  void topPAndJsonModeCanBeOverridden() throws Exception {
    Suite s = load(Map.of("top_p", "0.5", "json_mode", "true"));
    assertThat(s.models())
        .allSatisfy(
            m -> {
              assertThat(m.request().topP()).isEqualTo(0.5);
              assertThat(m.request().jsonMode()).isTrue();
            });
  }

  @Test
  void requestOverridesWinOverPerModelSettings() throws Exception {
    Suite s = load(Map.of("max_tokens", "64", "stream", "false"));
    assertThat(s.models())
        .allSatisfy(
            m -> {
              assertThat(m.request().maxTokens()).isEqualTo(64);
              assertThat(m.request().stream()).isFalse();
            });
  }

  @Test
  void withoutOverridesPerModelSettingsWinOverTheSuite() throws Exception {
    Suite s = load(Map.of());
    assertThat(s.models()).extracting(m -> m.request().maxTokens()).containsExactly(500, 300);
  }

  @Test
  void modelsOverrideKeepsTheSuitesEntryForAListedId() throws Exception {
    Suite s = load(Map.of("models", "anthropic/claude-3.5-sonnet, openai/gpt-4o-mini"));
    assertThat(s.models())
        .extracting(ModelSpec::id)
        .containsExactly("anthropic/claude-3.5-sonnet", "openai/gpt-4o-mini");
    assertThat(s.models().get(0).providers()).containsExactly("anthropic", "amazon-bedrock");
    assertThat(s.models().get(0).request().maxTokens()).isEqualTo(300);
    assertThat(s.models().get(1).request().maxTokens()).isEqualTo(500);
  }

  @Test
  void anOpenLoopAndADurationCanBeSwitchedOnFromTheCommandLine() throws Exception {
    Suite s =
        load(
            Map.of(
                "rate",
                "10/min",
                "duration",
                "30s",
                "arrival",
                "poisson",
                "requests_per_minute",
                "60"));
    assertThat(s.load().mode()).isEqualTo(LoadMode.OPEN);
    assertThat(s.load().ratePerSecond()).isEqualTo(10 / 60.0);
    assertThat(s.load().arrival()).isEqualTo(Arrival.POISSON);
    assertThat(s.iterations().duration()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void unknownKeysBelongToOthersAndAreIgnored() throws Exception {
    assertThat(load(Map.of("target", "simulator", "suite", "x")).name()).isEqualTo("t");
  }

  @Test
  void aBadOverrideIsReportedAsTheFlag() {
    assertThat(new SuiteFiles(dir).problems(SUITE, Map.of("calls", "many", "models", "gpt4")))
        .extracting(SuiteProblem::format)
        .containsExactly(
            "-Dcalls=many: calls must be a whole number, not the text 'many'\n"
                + "  hint: write e.g. 'calls: 1'",
            "-Dmodels=gpt4: 'gpt4' is not a model id\n"
                + "  hint: model ids look like author/name, e.g. openai/gpt-4o");
  }

  @Test
  void theEffectiveSettingsShowTheOverriddenValues() throws Exception {
    Map<String, String> settings =
        load(Map.of("concurrency", "8", "max_tokens", "99")).effectiveSettings();
    assertThat(settings)
        .containsEntry("load.concurrency", "8")
        .containsEntry("model.openai/gpt-4o.max_tokens", "99")
        .containsEntry("model.anthropic/claude-3.5-sonnet.providers", "anthropic,amazon-bedrock");
  }

  @Test
  void anOverriddenRateIsCheckedAgainstTheLimitsAndNamedAsTheFlag() {
    assertThat(new SuiteFiles(dir).problems(SUITE, Map.of("rate", "5/s")))
        .extracting(SuiteProblem::message)
        .containsExactly(
            "requests_per_minute 120 is lower than the offered open-loop rate of 300 per minute"
                + " (load.rate from -Drate=5/s)");
  }
}
