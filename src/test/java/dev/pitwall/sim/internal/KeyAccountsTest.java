package dev.pitwall.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.sim.RateLimits;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyAccountsTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void unlimitedAdmitsEverything() {
    KeyAccounts a = new KeyAccounts(RateLimits.NONE, now::get);
    for (int i = 0; i < 1000; i++) {
      assertThat(a.admit("k").admitted()).isTrue();
    }
  }

  @Test
  void requestsPerMinuteRefusesWithTheExactWait() {
    KeyAccounts a = new KeyAccounts(new RateLimits(60, null), now::get);
    for (int i = 0; i < 60; i++) {
      assertThat(a.admit("k").admitted()).isTrue();
    }
    KeyAccounts.Admission refused = a.admit("k");
    assertThat(refused.admitted()).isFalse();
    assertThat(refused.limit()).isEqualTo("requests_per_minute");
    assertThat(refused.retryAfterS()).isEqualTo(1); // one request refills every second
    assertThat(a.admit("other").admitted()).as("limits are per key").isTrue();
    now.addAndGet(999_000_000L);
    assertThat(a.admit("k").admitted()).isFalse();
    now.addAndGet(1_000_000L);
    assertThat(a.admit("k").admitted()).isTrue();
  }

  @Test
  void slowRefillGivesALongerRetryAfter() {
    KeyAccounts a = new KeyAccounts(new RateLimits(2, null), now::get);
    a.admit("k");
    a.admit("k");
    assertThat(a.admit("k").retryAfterS()).isEqualTo(30);
    now.addAndGet(10_000_000_000L);
    assertThat(a.admit("k").retryAfterS()).isEqualTo(20);
  }

  @Test
  void tokensPerMinuteRefusesOnceSpentUntilRefilled() {
    KeyAccounts a = new KeyAccounts(new RateLimits(null, 600), now::get);
    assertThat(a.admit("k").admitted()).isTrue();
    a.charge("k", 900, new BigDecimal("0.01"));
    KeyAccounts.Admission refused = a.admit("k");
    assertThat(refused.admitted()).isFalse();
    assertThat(refused.limit()).isEqualTo("tokens_per_minute");
    // 301 tokens owed at 10 tokens/s
    assertThat(refused.retryAfterS()).isEqualTo(31);
    now.addAndGet(31_000_000_000L);
    assertThat(a.admit("k").admitted()).isTrue();
    assertThat(a.usage("k")).isEqualByComparingTo("0.01");
  }
}
