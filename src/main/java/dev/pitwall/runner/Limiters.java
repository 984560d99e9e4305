package dev.pitwall.runner;

import dev.pitwall.suite.Cell;
import dev.pitwall.suite.Limits;
import dev.pitwall.suite.ProviderLimits;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.time.Ticker;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The limits a call passes before it is sent: requests and tokens per minute, global and for the
 * provider its cell's route names first. Each limiter books its slot; the call waits for the latest
 * of them. Booking a slot that then goes unused only makes a limiter more conservative, never lets
 * it exceed its limit.
 */
final class Limiters {
  private final Pair global;
  private final Map<String, Pair> perProvider;
  private final LongAdder waitedNs = new LongAdder();

  private record Pair(RateLimiter requests, RateLimiter tokens) {
    static Pair of(Integer rpm, Integer tpm, Ticker ticker) {
      return new Pair(
          rpm == null ? RateLimiter.UNLIMITED : SpacedRateLimiter.perMinute(rpm, ticker),
          tpm == null ? RateLimiter.UNLIMITED : new TokenBucketRateLimiter(tpm, ticker));
    }

    long reserve(long tokenCount) {
      return Math.max(requests.reserve(1), tokens.reserve(tokenCount));
    }
  }

  private Limiters(Pair global, Map<String, Pair> perProvider) {
    this.global = global;
    this.perProvider = perProvider;
  }

  static Limiters of(Limits limits, Ticker ticker) {
    Map<String, Pair> providers = new HashMap<>();
    for (Map.Entry<String, ProviderLimits> e : limits.perProvider().entrySet()) {
      ProviderLimits p = e.getValue();
      providers.put(e.getKey(), Pair.of(p.requestsPerMinute(), p.tokensPerMinute(), ticker));
    }
    return new Limiters(
        Pair.of(limits.requestsPerMinute(), limits.tokensPerMinute(), ticker),
        Map.copyOf(providers));
  }

  /** Books a call of {@code cell}; returns the nanoseconds to wait before sending it. */
  long reserve(Cell cell) {
    long tokens = estimatedTokens(cell);
    long wait = global.reserve(tokens);
    Pair provider = perProvider.get(String.valueOf(cell.route().requestedProvider()));
    if (provider != null) {
      wait = Math.max(wait, provider.reserve(tokens));
    }
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
    return cell.prompt().estimatedTokens() + (max == null ? RequestParams.BOUND_MAX_TOKENS : max);
  }
}
