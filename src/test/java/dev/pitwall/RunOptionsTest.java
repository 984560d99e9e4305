package dev.pitwall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunOptionsTest {
  @Test
  void defaultsAreThoseOfTheCommandLine() {
    RunOptions options = new OptionsBuilder().suite("cap-theorem").build();
    assertThat(options.benchmarks()).hasToString("benchmarks");
    assertThat(options.results()).hasToString("results");
    assertThat(options.grace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.settings()).isEmpty();
    assertThat(options.seed()).isNull();
  }

  @Test
  void aSettingIsCheckedAgainstTheOneListOfKeys() {
    assertThatThrownBy(() -> new OptionsBuilder().suite("s").set("concurency", "2").build())
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("-Dconcurency is not a setting")
        .hasMessageContaining("did you mean -Dconcurrency?");
    assertThat(new OptionsBuilder().suite("s").set("retries", "2").build().settings())
        .containsEntry("retries", "2");
  }

  @Test
  void aNegativeGraceIsRefused() {
    assertThatThrownBy(() -> new OptionsBuilder().suite("s").grace(Duration.ofSeconds(-1)).build())
        .isInstanceOf(UsageException.class);
  }
}
