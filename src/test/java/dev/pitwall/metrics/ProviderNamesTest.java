package dev.pitwall.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderNamesTest {
  private static final ProviderNames NAMES =
      new ProviderNames(
          Map.of(
              "google-vertex", "Google",
              "google-ai-studio", "Google AI Studio",
              "amazon-bedrock", "Amazon Bedrock"));

  @Test
  void aSlugMatchesTheDisplayNameTheEndpointDataGivesIt() {
    assertThat(NAMES.same("google-vertex", "Google")).isTrue();
    assertThat(NAMES.same("google-vertex/europe", "Google")).isTrue();
    assertThat(NAMES.same("google-vertex", "Google AI Studio")).isFalse();
    assertThat(NAMES.same("google-ai-studio", "Google")).isFalse();
    assertThat(NAMES.same("amazon-bedrock", "amazon bedrock")).isTrue();
  }

  @Test
  void withoutDataASlugMatchesOnlyItselfInAnyCaseNeverALookAlike() {
    assertThat(ProviderNames.NONE.same("openai", "OpenAI")).isTrue();
    assertThat(ProviderNames.NONE.same("deepinfra/turbo", "DeepInfra")).isTrue();
    assertThat(ProviderNames.NONE.same("amazon-bedrock", "Amazon Bedrock")).isFalse();
    assertThat(ProviderNames.NONE.same("google-vertex", "Google Vertex")).isFalse();
  }

  @Test
  void aPinnedCallServedUnderTheProvidersDisplayNameIsNoFallback() {
    CallRecord served =
        CallRecord.builder()
            .callId(1)
            .iteration(1)
            .cellId("p/m@google-vertex")
            .promptId("p")
            .model("m")
            .requestedProvider("google-vertex")
            .servedProvider("Google")
            .outcome(Outcome.OK)
            .tSchedNs(0)
            .build();
    assertThat(served.fallback(NAMES)).isFalse();
    assertThat(served.toBuilder().servedProvider("Google AI Studio").build().fallback(NAMES))
        .isTrue();
  }
}
