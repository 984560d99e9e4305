package dev.pitwall.runner;

import dev.pitwall.metrics.Outcome;
import dev.pitwall.suite.Retries;
import dev.pitwall.suite.RetryOn;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Decides whether an attempt is retried and after how long. Pure: the caller sleeps. A wait the
 * server asked for ({@code Retry-After}) is honoured exactly when so configured, up to the suite's
 * {@code max_wait}: a longer one is not waited at all, since a worker held for an hour measures
 * nothing and a run cannot plan around it. Otherwise the wait is a "full jitter" exponential
 * backoff: uniform in [0, min(max, initial × 2^(attempt−1))].
 */
public final class RetryPolicy {
  /** Returned by {@link #delayNanos} when the attempt is final. */
  public static final long NO_RETRY = -1L;

  private final Retries retries;
  private final DoubleSupplier random;

  public RetryPolicy(Retries retries) {
    this(retries, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** With an injected source of uniform [0, 1) numbers, for exact tests. */
  public RetryPolicy(Retries retries, DoubleSupplier random) {
    this.retries = retries;
    this.random = random;
  }

  /**
   * @param attempt the 1-based attempt that just ended
   * @param retryAfterNanos the wait the response asked for, or a negative value if none
   * @return the wait before the next attempt, or {@link #NO_RETRY}
   */
  public long delayNanos(Outcome outcome, int attempt, long retryAfterNanos) {
    if (attempt > retries.maxRetries() || !retryable(outcome)) {
      return NO_RETRY;
    }
    if (retries.honourRetryAfter() && retryAfterNanos >= 0) {
      return exceedsMaxWait(retryAfterNanos) ? NO_RETRY : retryAfterNanos;
    }
    long initial = retries.initialBackoff().toNanos();
    long cap = retries.maxBackoff().toNanos();
    long ceiling = initial << Math.min(attempt - 1, 30);
    if (ceiling < 0 || ceiling > cap) {
      ceiling = cap;
    }
    return (long) (random.getAsDouble() * ceiling);
  }

  /**
   * Whether the server asked for a wait this policy will not wait out: the attempt would be retried
   * but for its {@code Retry-After}, so the call ends with it.
   */
  public boolean refusesWait(Outcome outcome, int attempt, long retryAfterNanos) {
    return attempt <= retries.maxRetries()
        && retryable(outcome)
        && retries.honourRetryAfter()
        && exceedsMaxWait(retryAfterNanos);
  }

  /** The ceiling on server-directed waits, as the suite's {@code retries.max_wait} says. */
  public java.time.Duration maxWait() {
    return retries.maxWait();
  }

  private boolean exceedsMaxWait(long retryAfterNanos) {
    return retryAfterNanos >= 0 && retryAfterNanos > retries.maxWait().toNanos();
  }

  private boolean retryable(Outcome outcome) {
    return switch (outcome) {
      case THROTTLED -> retries.retries(RetryOn.THROTTLED);
      case SERVER_ERROR -> retries.retries(RetryOn.SERVER_ERROR);
      case CONNECT_ERROR -> retries.retries(RetryOn.CONNECT_ERROR);
      default -> false;
    };
  }
}
