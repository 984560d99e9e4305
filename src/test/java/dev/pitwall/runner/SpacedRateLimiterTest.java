package dev.pitwall.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SpacedRateLimiterTest {
  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  @Test
  void firstCallGoesAtOnceAndTheNextWaitsOneSpacing() {
    FakeTime time = new FakeTime();
    SpacedRateLimiter limiter = SpacedRateLimiter.perMinute(60, time);
    assertThat(limiter.reserve(1)).isZero();
    assertThat(limiter.reserve(1)).isEqualTo(limiter.spacingNanos());
    assertThat(limiter.spacingNanos()).isBetween(1_000_000_000L, 1_002_000_000L);
  }

  @Test
  void neverMoreThanTheLimitInAnySixtySecondWindow() {
    FakeTime time = new FakeTime();
    SpacedRateLimiter limiter = SpacedRateLimiter.perMinute(120, time);
    List<Long> sends = new ArrayList<>();
    // Four eager callers that send as soon as allowed, for five minutes of fake time.
    while (time.nanos() < 5 * MINUTE) {
      for (int caller = 0; caller < 4; caller++) {
        long wait = limiter.reserve(1);
        sends.add(time.nanos() + wait);
      }
      time.advance(limiter.spacingNanos() * 4);
    }
    sends.sort(null);
    for (int i = 0; i < sends.size(); i++) {
      long windowEnd = sends.get(i) + MINUTE;
      long inWindow = sends.stream().filter(t -> t >= windowEnd - MINUTE && t < windowEnd).count();
      assertThat(inWindow).as("sends in window from %d", sends.get(i)).isLessThanOrEqualTo(120);
    }
    assertThat(sends.size()).isGreaterThan(500);
  }

  @Test
  void idleTimeIsNotBankedIntoABurst() {
    FakeTime time = new FakeTime();
    SpacedRateLimiter limiter = SpacedRateLimiter.perMinute(60, time);
    limiter.reserve(1);
    time.advance(10 * MINUTE);
    assertThat(limiter.reserve(1)).isZero();
    assertThat(limiter.reserve(1)).isEqualTo(limiter.spacingNanos());
  }
}
