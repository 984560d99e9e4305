package dev.pitwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  @Test
  void theEtaIsTheRemainingStepsAtThePaceSoFar() {
    Duration elapsed = Duration.ofSeconds(12);
    assertThat(ConsoleProgress.eta(elapsed.toNanos(), 40, 60))
        .contains(elapsed.dividedBy(40).multipliedBy(60)); // the library's own linear ETA
    assertThat(ConsoleProgress.eta(Duration.ofHours(30).toNanos(), 3, 1_000))
        .contains(Duration.ofHours(10_000));
    assertThat(ConsoleProgress.eta(Duration.ofHours(30).toNanos(), 1, Long.MAX_VALUE))
        .hasValueSatisfying(eta -> assertThat(eta).isPositive()); // saturates, never wraps
    assertThat(ConsoleProgress.eta(elapsed.toNanos(), 100, 0)).contains(Duration.ZERO);
  }

  @Test
  void noEtaBeforeTheFirstStep() {
    assertThat(ConsoleProgress.eta(1_000_000, 0, 100)).isEmpty();
  }
}
