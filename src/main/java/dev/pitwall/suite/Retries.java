package dev.pitwall.suite;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Retry policy: up to {@code maxRetries} further attempts after the failures in {@code retryOn} (a
 * 429, a 5xx, a connect error), waiting what {@code Retry-After} asks when {@code
 * honourRetryAfter}, else a jittered exponential backoff from {@code initialBackoff} capped at
 * {@code maxBackoff}.
 *
 * @param maxWait the longest wait a server may direct ({@code Retry-After}); a longer one ends the
 *     call instead of holding a worker (a {@code Retry-After: 3600} would hold it for an hour)
 * @param retryOn the kinds of failure retried; an immutable copy
 */
public record Retries(
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    boolean honourRetryAfter,
    Duration maxWait,
    Set<RetryOn> retryOn) {
  /** The default ceiling of a server-directed wait. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);

  /** No retries; the other settings are the defaults a suite's {@code retries:} starts from. */
  public static final Retries NONE = builder().build();

  public Retries {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("retries must be >= 0, not " + maxRetries);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoff must be >= 0 and max_backoff >= backoff");
    }
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("max_wait must be >= 0, not " + maxWait);
    }
    // Set.copyOf, not an EnumSet: records compare by equals and show in toString, and an
    // unmodifiable set keeps the record immutable.
    retryOn = Set.copyOf(retryOn);
  }

  /** Whether an attempt that failed this way is retried (attempts left permitting). */
  public boolean retries(RetryOn failure) {
    return retryOn.contains(failure);
  }

  /**
   * A builder starting from no retries, a 500 ms backoff capped at 30 s, {@code Retry-After}
   * honoured up to 60 s, and every kind of {@link RetryOn} retried.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy, to copy it with a few settings changed. */
  public Builder toBuilder() {
    return new Builder()
        .maxRetries(maxRetries)
        .backoff(initialBackoff, maxBackoff)
        .honourRetryAfter(honourRetryAfter)
        .maxWait(maxWait)
        .retryOn(retryOn);
  }

  /** Named setters, so that no call site is a row of positional booleans. */
  public static final class Builder {
    private int maxRetries;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private boolean honourRetryAfter = true;
    private Duration maxWait = DEFAULT_MAX_WAIT;
    private final Set<RetryOn> retryOn = EnumSet.allOf(RetryOn.class);

    private Builder() {}

    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** The first wait and the cap the doubling waits stop at. */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    public Builder honourRetryAfter(boolean honour) {
      this.honourRetryAfter = honour;
      return this;
    }

    /** The longest server-directed wait that is still waited out. */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = maxWait;
      return this;
    }

    /** Retries exactly these kinds of failure. */
    public Builder retryOn(Set<RetryOn> kinds) {
      retryOn.clear();
      retryOn.addAll(kinds);
      return this;
    }

    /** Retries this kind of failure or not, leaving the others as they are. */
    public Builder retryOn(RetryOn kind, boolean retried) {
      if (retried) {
        retryOn.add(kind);
      } else {
        retryOn.remove(kind);
      }
      return this;
    }

    public Retries build() {
      return new Retries(
          maxRetries, initialBackoff, maxBackoff, honourRetryAfter, maxWait, retryOn);
    }
  }
}
