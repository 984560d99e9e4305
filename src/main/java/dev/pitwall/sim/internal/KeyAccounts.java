package dev.pitwall.sim.internal;

import dev.pitwall.sim.RateLimits;
import dev.pitwall.time.Ticker;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-key request and token budgets (token buckets refilled continuously, full at start) and spend.
 * {@link #admit} decides and returns how long to wait, so tests with a fake {@link Ticker} are
 * exact.
 *
 * <p>Thread-safe: every method locks this object; the critical sections are a few arithmetic
 * operations.
 */
public final class KeyAccounts {
  private static final double NANOS_PER_MINUTE = 60e9;

  private final RateLimits limits;
  private final Ticker ticker;
  private final Map<String, Account> accounts = new HashMap<>();

  public KeyAccounts(RateLimits limits, Ticker ticker) {
    this.limits = limits;
    this.ticker = ticker;
  }

  /** The outcome of {@link #admit}: admitted, or which limit refused and for how long. */
  public record Admission(boolean admitted, String limit, int limitValue, int retryAfterS) {
    static final Admission OK = new Admission(true, null, 0, 0);
  }

  /** Takes one request from the key's budget, or says how many seconds until it can. */
  public synchronized Admission admit(String key) {
    if (limits.isUnlimited()) {
      return Admission.OK;
    }
    Account a = refill(key);
    if (limits.requestsPerMinute() != null && a.requests < 1) {
      double perNano = limits.requestsPerMinute() / NANOS_PER_MINUTE;
      return refusal("requests_per_minute", limits.requestsPerMinute(), (1 - a.requests) / perNano);
    }
    if (limits.tokensPerMinute() != null && a.tokens <= 0) {
      double perNano = limits.tokensPerMinute() / NANOS_PER_MINUTE;
      return refusal("tokens_per_minute", limits.tokensPerMinute(), (1 - a.tokens) / perNano);
    }
    a.requests -= 1;
    return Admission.OK;
  }

  /** Debits the tokens a call used (the budget may go negative) and adds its cost to the key. */
  public synchronized void charge(String key, int tokens, BigDecimal cost) {
    Account a = refill(key);
    a.tokens -= tokens;
    a.usage = a.usage.add(cost);
  }

  /** Credit left under the key's limit (never below 0), or null when the key has no limit. */
  public synchronized BigDecimal limitRemaining(String key) {
    BigDecimal limit = limits.creditLimitUsd();
    return limit == null ? null : limit.subtract(usage(key)).max(BigDecimal.ZERO);
  }

  public synchronized BigDecimal usage(String key) {
    Account a = accounts.get(key);
    return a == null ? BigDecimal.ZERO : a.usage;
  }

  private static Admission refusal(String which, int limit, double waitNanos) {
    int seconds = (int) Math.max(1, Math.ceil(waitNanos / 1e9));
    return new Admission(false, which, limit, seconds);
  }

  private Account refill(String key) {
    long now = ticker.nanos();
    Account a = accounts.get(key);
    if (a == null) {
      a = new Account();
      a.requests = limits.requestsPerMinute() == null ? 0 : limits.requestsPerMinute();
      a.tokens = limits.tokensPerMinute() == null ? 0 : limits.tokensPerMinute();
      a.lastNanos = now;
      accounts.put(key, a);
      return a;
    }
    long elapsed = now - a.lastNanos;
    a.lastNanos = now;
    if (limits.requestsPerMinute() != null) {
      int cap = limits.requestsPerMinute();
      a.requests = Math.min(cap, a.requests + elapsed * cap / NANOS_PER_MINUTE);
    }
    if (limits.tokensPerMinute() != null) {
      int cap = limits.tokensPerMinute();
      a.tokens = Math.min(cap, a.tokens + elapsed * cap / NANOS_PER_MINUTE);
    }
    return a;
  }

  private static final class Account {
    double requests;
    double tokens;
    long lastNanos;
    BigDecimal usage = BigDecimal.ZERO;
  }
}
