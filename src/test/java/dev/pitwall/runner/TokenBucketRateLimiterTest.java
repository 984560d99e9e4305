package dev.pitwall.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {
  @Test
  void aFullBucketServesAtOnceThenDebtWaitsForTheRefill() {
    FakeTime time = new FakeTime();
    TokenBucketRateLimiter bucket = new TokenBucketRateLimiter(6000, time);
    assertThat(bucket.reserve(6000)).isZero();
    // 600 tokens at 100 tokens/s: six seconds.
    assertThat(bucket.reserve(600)).isEqualTo(TimeUnit.SECONDS.toNanos(6));
  }

  @Test
  void refillsContinuouslyUpToCapacity() {
    FakeTime time = new FakeTime();
    TokenBucketRateLimiter bucket = new TokenBucketRateLimiter(600, time);
    assertThat(bucket.reserve(600)).isZero();
    time.advance(TimeUnit.SECONDS.toNanos(30));
    assertThat(bucket.reserve(300)).isZero();
    assertThat(bucket.reserve(10)).isEqualTo(TimeUnit.SECONDS.toNanos(1));
  }
}
