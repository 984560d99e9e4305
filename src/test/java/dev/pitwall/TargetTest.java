package dev.pitwall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetTest {
  private static final Map<String, String> NO_KEY = Map.of();
  private static final Map<String, String> KEY = Map.of("OPENROUTER_API_KEY", "sk-or-v1-test");

  @Test
  void noKeyAndNoTargetMeansTheSimulator() {
    assertThat(Target.resolve(null, NO_KEY).kind()).isEqualTo(Target.Kind.SIMULATOR);
    assertThat(Target.resolve("", NO_KEY).simulated()).isTrue();
  }

  @Test
  void aKeyAloneMeansOpenRouter() {
    Target t = Target.resolve(null, KEY);
    assertThat(t.kind()).isEqualTo(Target.Kind.OPENROUTER);
    assertThat(t.baseUrl()).isEqualTo(Target.OPENROUTER);
  }

  @Test
  void openRouterWithoutAKeyNamesTheVariable() {
    assertThatThrownBy(() -> Target.resolve("openrouter", NO_KEY))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("OPENROUTER_API_KEY");
  }

  @Test
  void anyBaseUrlIsMeasuredWithTheKeyIfSet() {
    Target t = Target.resolve("http://127.0.0.1:9999/v1", KEY);
    assertThat(t.kind()).isEqualTo(Target.Kind.URL);
    assertThat(t.apiKey()).isNotNull();
    assertThat(t.label()).isEqualTo("http://127.0.0.1:9999/v1");
    assertThatThrownBy(() -> Target.resolve("nowhere", NO_KEY))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("simulator, openrouter, or a base URL");
  }

  @Test
  void theKeyNeverShowsInToString() {
    assertThat(Target.resolve(null, KEY).toString()).doesNotContain("sk-or-v1-test");
  }
}
