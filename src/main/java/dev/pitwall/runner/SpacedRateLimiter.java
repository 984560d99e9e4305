package dev.pitwall.runner;

import dev.pitwall.time.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * A requests-per-period limit that can never be exceeded in any window of that period: permits are
 * spaced evenly ({@code period / limit} apart, plus a safety margin), with no burst. A token bucket
 * of the same rate would allow a full bucket plus a period's refill inside one window, twice the
 * limit; a server counting arrivals per minute would see that as a violation.
 *
 * <p>The margin (0.1 % of the spacing, at least 1 ms) absorbs jitter between our send and the
 * server's arrival stamp, so the server's own log never shows limit + 1 in a window either.
 */
public final class SpacedRateLimiter implements RateLimiter {
  private final Ticker ticker;
  private final long spacingNs;
  private long nextFreeNs;
  private boolean started;

  public SpacedRateLimiter(long limit, long period, TimeUnit unit, Ticker ticker) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, not " + limit);
    }
    this.ticker = ticker;
    long base = unit.toNanos(period) / limit;
    this.spacingNs = base + Math.max(base / 1000, TimeUnit.MILLISECONDS.toNanos(1));
  }

  public static SpacedRateLimiter perMinute(long limit, Ticker ticker) {
    return new SpacedRateLimiter(limit, 1, TimeUnit.MINUTES, ticker);
  }

  /** The minimal gap between two permits, in nanoseconds. */
  public long spacingNanos() {
    return spacingNs;
  }

  @Override
  public synchronized long reserve(long permits) {
    long now = ticker.nanos();
    if (!started || nextFreeNs - now < 0) {
      nextFreeNs = now;
      started = true;
    }
    long at = nextFreeNs;
    nextFreeNs = at + spacingNs * Math.max(1, permits);
    return Math.max(0, at - now);
  }
}
