package dev.pitwall.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.metrics.Outcome;
import dev.pitwall.suite.Retries;
import dev.pitwall.suite.RetryOn;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Retries THREE =
      Retries.builder()
          .maxRetries(3)
          .backoff(Duration.ofMillis(100), Duration.ofMillis(350))
          .build();

  @Test
  void honoursRetryAfterExactly() {
    RetryPolicy policy = new RetryPolicy(THREE, () -> 0.5);
    assertThat(policy.delayNanos(Outcome.THROTTLED, 1, 2_000_000_000L)).isEqualTo(2_000_000_000L);
  }

  @Test
  void aServerDirectedWaitBeyondMaxWaitEndsTheCall() {
    RetryPolicy policy = new RetryPolicy(THREE, () -> 0.5);
    long hour = Duration.ofHours(1).toNanos();
    assertThat(policy.delayNanos(Outcome.THROTTLED, 1, hour)).isEqualTo(RetryPolicy.NO_RETRY);
    assertThat(policy.refusesWait(Outcome.THROTTLED, 1, hour)).isTrue();
    long minute = Duration.ofSeconds(60).toNanos();
    assertThat(policy.delayNanos(Outcome.THROTTLED, 1, minute)).isEqualTo(minute);
    assertThat(policy.refusesWait(Outcome.THROTTLED, 1, minute)).isFalse();
    assertThat(policy.delayNanos(Outcome.THROTTLED, 1, Long.MAX_VALUE))
        .isEqualTo(RetryPolicy.NO_RETRY);
    // Nothing to refuse when the attempt would not be retried anyway.
    assertThat(policy.refusesWait(Outcome.THROTTLED, 4, hour)).isFalse();
    assertThat(policy.refusesWait(Outcome.CLIENT_ERROR, 1, hour)).isFalse();
    RetryPolicy patient =
        new RetryPolicy(THREE.toBuilder().maxWait(Duration.ofHours(2)).build(), () -> 0.5);
    assertThat(patient.delayNanos(Outcome.THROTTLED, 1, hour)).isEqualTo(hour);
  }

  @Test
  void backsOffExponentiallyWithFullJitterUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(THREE, () -> 0.999999);
    assertThat(policy.delayNanos(Outcome.SERVER_ERROR, 1, -1)).isCloseTo(100_000_000L, within());
    assertThat(policy.delayNanos(Outcome.SERVER_ERROR, 2, -1)).isCloseTo(200_000_000L, within());
    assertThat(policy.delayNanos(Outcome.SERVER_ERROR, 3, -1)).isCloseTo(350_000_000L, within());
    RetryPolicy low = new RetryPolicy(THREE, () -> 0.0);
    assertThat(low.delayNanos(Outcome.CONNECT_ERROR, 2, -1)).isZero();
  }

  @Test
  void stopsAfterMaxRetriesAndNeverRetriesClientErrors() {
    RetryPolicy policy = new RetryPolicy(THREE, () -> 0.5);
    assertThat(policy.delayNanos(Outcome.THROTTLED, 4, -1)).isEqualTo(RetryPolicy.NO_RETRY);
    assertThat(policy.delayNanos(Outcome.CLIENT_ERROR, 1, -1)).isEqualTo(RetryPolicy.NO_RETRY);
    assertThat(policy.delayNanos(Outcome.OK, 1, -1)).isEqualTo(RetryPolicy.NO_RETRY);
    assertThat(new RetryPolicy(Retries.NONE).delayNanos(Outcome.THROTTLED, 1, 5))
        .isEqualTo(RetryPolicy.NO_RETRY);
  }

  @Test
  void ignoresRetryAfterWhenToldTo() {
    Retries ignoring =
        Retries.builder()
            .maxRetries(1)
            .backoff(Duration.ofMillis(100), Duration.ofMillis(100))
            .honourRetryAfter(false)
            .build();
    assertThat(
            new RetryPolicy(ignoring, () -> 0.5).delayNanos(Outcome.THROTTLED, 1, 9_000_000_000L))
        .isEqualTo(50_000_000L);
  }

  @Test
  void retriesOnlyTheKindsOfFailureItIsToldTo() {
    Retries throttlingOnly =
        THREE.toBuilder()
            .retryOn(RetryOn.SERVER_ERROR, false)
            .retryOn(RetryOn.CONNECT_ERROR, false)
            .build();
    RetryPolicy policy = new RetryPolicy(throttlingOnly, () -> 0.5);
    assertThat(policy.delayNanos(Outcome.THROTTLED, 1, -1)).isEqualTo(50_000_000L);
    assertThat(policy.delayNanos(Outcome.SERVER_ERROR, 1, -1)).isEqualTo(RetryPolicy.NO_RETRY);
    assertThat(policy.delayNanos(Outcome.CONNECT_ERROR, 1, -1)).isEqualTo(RetryPolicy.NO_RETRY);
  }

  private static org.assertj.core.data.Offset<Long> within() {
    return org.assertj.core.data.Offset.offset(1_000L);
  }
}
