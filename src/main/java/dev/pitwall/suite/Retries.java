package dev.pitwall.suite;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry policy: up to {@code maxRetries} further attempts after a 429, a 5xx or a connect error
 * (each toggled), waiting what {@code Retry-After} asks when {@code honourRetryAfter}, else a
 * jittered exponential backoff from {@code initialBackoff} capped at {@code maxBackoff}.
 */
public record Retries(
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff,
    boolean honourRetryAfter,
    boolean onThrottled,
    boolean onServerError,
    boolean onConnectError) {
  public static final Retries NONE =
      new Retries(0, Duration.ofMillis(500), Duration.ofSeconds(30), true, true, true, true);

  public Retries {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("retries must be >= 0, not " + maxRetries);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoff must be >= 0 and max_backoff >= backoff");
    }
  }
}
