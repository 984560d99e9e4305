package dev.pitwall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.UsageException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OverridesTest {
  @Test
  void takesKnownSystemPropertiesAndCliFlagsWin() {
    Properties system = new Properties();
    system.setProperty("calls", "4");
    system.setProperty("maven.repo.local", "/tmp/m2");
    Map<String, String> out = Overrides.collect(Map.of("calls", "7", "concurrency", "2"), system);
    assertThat(out).containsEntry("calls", "7").containsEntry("concurrency", "2");
    assertThat(out).doesNotContainKey("maven.repo.local");
  }

  @Test
  void acceptsEveryKeyTheSuiteLoaderApplies() {
    Map<String, String> out =
        Overrides.collect(
            Map.of("retries", "2", "top_p", "0.9", "json_mode", "true"), new Properties());
    assertThat(out).containsKeys("retries", "top_p", "json_mode");
  }

  @Test
  void anUnknownFlagSuggestsTheNearestKey() {
    assertThatThrownBy(() -> Overrides.collect(Map.of("concurency", "2"), new Properties()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("did you mean -Dconcurrency?");
  }
}
