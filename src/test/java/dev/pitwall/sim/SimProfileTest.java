package dev.pitwall.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimProfileTest {
  @Test
  void bundledProfileHasTheSeedModelsAndProviders() {
    SimProfile p = SimProfile.bundled();
    assertThat(p.endpointsOf("anthropic/claude-sonnet-4.5"))
        .extracting(SimEndpoint::providerName)
        .containsExactly("Anthropic", "Amazon Bedrock", "Google");
    assertThat(p.endpointsOf("openai/gpt-4o"))
        .extracting(SimEndpoint::providerSlug)
        .containsExactly("openai", "azure");
    assertThat(p.endpointsOf("google/gemini-2.5-flash")).hasSize(2);
    assertThat(p.endpointsOf("meta-llama/llama-3.1-70b-instruct")).hasSize(4);
    assertThat(p.endpointsOf("mistralai/mistral-large")).hasSize(1);
    assertThat(p.endpointsOf("openai/gpt-4o-mini")).isNotEmpty();
    SimEndpoint openai = p.endpointsOf("openai/gpt-4o").get(0);
    assertThat(openai.promptPrice()).isEqualByComparingTo(new BigDecimal("0.0000025"));
    assertThat(openai.ttftMedianMs()).isEqualTo(450);
    assertThat(p.endpointsOf("nobody/nothing")).isEmpty();
  }

  @Test
  void retiredModelsStayInTheSnapshotButAreNeitherListedNorServed() {
    SimProfile p = SimProfile.bundled();
    assertThat(p.retired())
        .extracting(RetiredModel::id, RetiredModel::retired, RetiredModel::successor)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "anthropic/claude-3.5-sonnet", "2025-10-22", "anthropic/claude-sonnet-4.5"),
            org.assertj.core.groups.Tuple.tuple(
                "google/gemini-2.0-flash-001", "2026-06-01", "google/gemini-2.5-flash"));
    assertThat(p.model("anthropic/claude-3.5-sonnet")).isEmpty();
  }

  @Test
  void aBadRetiredDateNamesItsLineAndColumn() {
    String yaml =
        "models:\n"
            + "  - id: a/b\n"
            + "    context_length: 10\n"
            + "    endpoints:\n"
            + "      - {provider_name: A, provider_slug: a, prompt_price: \"0\","
            + " completion_price: \"0\", context_length: 10, max_completion_tokens: 10,"
            + " latency: {ttft_median_ms: 1, tokens_per_second: 1, tokens_per_chunk: 1,"
            + " answer_tokens_median: 1}}\n"
            + "retired:\n"
            + "  - {id: a/old, retired: last-year}\n";
    ProfileException e =
        catchThrowableOfType(ProfileException.class, () -> SimProfile.parse(yaml, "p.yaml"));
    assertThat(e.getMessage())
        .startsWith("p.yaml:7:")
        .contains("retired must be a date like 2025-10-22, not \"last-year\"");
  }

  @Test
  void theFourSeedModelsDifferVisibly() {
    SimProfile p = SimProfile.bundled();
    List<Double> ttfts =
        List.of(
                "anthropic/claude-sonnet-4.5",
                "openai/gpt-4o",
                "google/gemini-2.5-flash",
                "meta-llama/llama-3.1-70b-instruct")
            .stream()
            .map(id -> p.endpointsOf(id).get(0).ttftMedianMs())
            .toList();
    assertThat(ttfts).doesNotHaveDuplicates();
  }

  @Test
  void yamlErrorNamesLineAndColumn() {
    String yaml = "models:\n  - id: a/b\n    endpoints: [\n";
    ProfileException e =
        catchThrowableOfType(ProfileException.class, () -> SimProfile.parse(yaml, "p.yaml"));
    assertThat(e.source()).isEqualTo("p.yaml");
    assertThat(e.line()).isPositive();
    assertThat(e.getMessage()).startsWith("p.yaml:" + e.line() + ":");
  }

  @Test
  void unknownKeyIsReportedWithItsPosition() {
    String yaml =
        """
        models:
          - id: a/b
            context_length: 1000
            endpoints:
              - provider_name: A
                provider_slug: a
                prompt_price: "0.000001"
                completion_price: "0.000002"
                context_length: 1000
                max_completion_tokens: 100
                latency: {ttft_median_ms: 100, ttft_sigma: 0, tokens_per_second: 10, jitter: 0,
                          tokens_per_chunk: 1, answer_tokens_median: 10, answer_tokens_sigma: 0}
                colour: red
        """;
    ProfileException e =
        catchThrowableOfType(ProfileException.class, () -> SimProfile.parse(yaml, "p.yaml"));
    assertThat(e.getMessage()).startsWith("p.yaml:13:9: unknown key \"colour\"");
    assertThat(e.getMessage()).contains("   13 |         colour: red");
    assertThat(e.line()).isEqualTo(13);
    assertThat(e.column()).isEqualTo(9);
  }

  @Test
  void invalidValueIsReportedWithWhatToFix() {
    String yaml =
        """
        models:
          - id: a/b
            context_length: 1000
            endpoints:
              - provider_name: A
                provider_slug: a
                prompt_price: "0.000001"
                completion_price: "0.000002"
                context_length: 1000
                max_completion_tokens: 100
                latency: {ttft_median_ms: 100, ttft_sigma: 0, tokens_per_second: 0, jitter: 0,
                          tokens_per_chunk: 1, answer_tokens_median: 10, answer_tokens_sigma: 0}
        """;
    assertThatThrownBy(() -> SimProfile.parse(yaml, "p.yaml"))
        .isInstanceOf(ProfileException.class)
        .hasMessageStartingWith("p.yaml:")
        .hasMessageContaining("tokens_per_second must be");
  }

  @Test
  void missingFileSaysSo() {
    assertThatThrownBy(() -> SimProfile.load(Path.of("/nonexistent/profile.yaml")))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("no such profile file");
  }

  @Test
  void faultsParseWithSnakeCaseKinds() {
    String yaml =
        """
        models:
          - id: a/b
            context_length: 1000
            endpoints:
              - provider_name: A
                provider_slug: a
                prompt_price: "0.000001"
                completion_price: "0.000002"
                context_length: 1000
                max_completion_tokens: 100
                latency: {ttft_median_ms: 100, ttft_sigma: 0, tokens_per_second: 10, jitter: 0,
                          tokens_per_chunk: 1, answer_tokens_median: 10, answer_tokens_sigma: 0}
        faults:
          - {kind: mid_stream_error, provider: a, rate: 0.5, after_tokens: 3, from_s: 10, to_s: 20}
        rate_limits: {requests_per_minute: 60}
        """;
    SimProfile p = SimProfile.parse(yaml, "p.yaml");
    assertThat(p.faults()).hasSize(1);
    FaultRule f = p.faults().get(0);
    assertThat(f.kind()).isEqualTo(FaultKind.MID_STREAM_ERROR);
    assertThat(f.afterTokens()).isEqualTo(3);
    assertThat(f.matches("a/b", p.endpointsOf("a/b").get(0), 15)).isTrue();
    assertThat(f.matches("a/b", p.endpointsOf("a/b").get(0), 20)).isFalse();
    assertThat(p.rateLimits().requestsPerMinute()).isEqualTo(60);
  }
}
