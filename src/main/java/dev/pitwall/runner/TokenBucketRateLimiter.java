package dev.pitwall.runner;

import dev.pitwall.time.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * A tokens-per-minute limit: a bucket of {@code capacity} tokens refilled continuously at {@code
 * capacity} per minute. A reservation larger than what is left goes into debt and waits until the
 * refill covers it, so one large request is never refused, only delayed. Thread-safe.
 */
public final class TokenBucketRateLimiter implements RateLimiter {
  private static final long MINUTE_NS = TimeUnit.MINUTES.toNanos(1);

  private final Ticker ticker;
  private final long capacity;
  private double available;
  private long lastRefillNs;
  private boolean started;

  public TokenBucketRateLimiter(long tokensPerMinute, Ticker ticker) {
    if (tokensPerMinute < 1) {
      throw new IllegalArgumentException("tokens per minute must be >= 1");
    }
    this.capacity = tokensPerMinute;
    this.ticker = ticker;
  }

  @Override
  public synchronized long reserve(long permits) {
    long now = ticker.nanos();
    if (!started) {
      started = true;
      available = capacity;
      lastRefillNs = now;
    }
    available =
        Math.min(capacity, available + (now - lastRefillNs) * (double) capacity / MINUTE_NS);
    lastRefillNs = now;
    available -= permits;
    if (available >= 0) {
      return 0;
    }
    return (long) Math.ceil(-available * MINUTE_NS / capacity);
  }
}
