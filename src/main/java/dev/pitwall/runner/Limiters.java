package dev.pitwall.runner;

import dev.pitwall.suite.Cell;
import dev.pitwall.suite.Limits;
import dev.pitwall.time.Ticker;
import java.util.concurrent.atomic.LongAdder;

/**
 * The limits a call passes before it is sent: requests per minute and tokens per minute, global.
 * Each limiter books its slot; the call waits for the latest of them. Booking a slot that then goes
 * unused only makes the limiter more conservative, never lets it exceed its limit.
 */
final class Limiters {
  private final RateLimiter requests;
  private final RateLimiter tokens;
  private final LongAdder waitedNs = new LongAdder();

  Limiters(RateLimiter requests, RateLimiter tokens) {
    this.requests = requests;
    this.tokens = tokens;
  }

  static Limiters of(Limits limits, Ticker ticker) {
    return new Limiters(
        limits.requestsPerMinute() == null
            ? RateLimiter.UNLIMITED
            : SpacedRateLimiter.perMinute(limits.requestsPerMinute(), ticker),
        limits.tokensPerMinute() == null
            ? RateLimiter.UNLIMITED
            : new TokenBucketRateLimiter(limits.tokensPerMinute(), ticker));
  }

  /** Books a call of {@code cell}; returns the nanoseconds to wait before sending it. */
  long reserve(Cell cell) {
    long wait = Math.max(requests.reserve(1), tokens.reserve(estimatedTokens(cell)));
    waitedNs.add(wait);
    return wait;
  }

  /** Total time calls have been told to wait on limits. */
  long waitedNanos() {
    return waitedNs.sum();
  }

  /** Prompt tokens plus the most the call may generate. */
  static long estimatedTokens(Cell cell) {
    Integer max = cell.request().maxTokens();
    return Preflight.promptTokens(cell) + (max == null ? Preflight.DEFAULT_OUTPUT_TOKENS : max);
  }
}
