package dev.pitwall.suite;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-call timeouts: connecting, waiting for the first token, and the whole call; and how long an
 * idle keep-alive connection may wait in the client's pool and still be reused.
 *
 * @param keepaliveIdle below the idle timeouts of common CDNs and load balancers (60 s and more),
 *     so a reused connection is rarely one the far side is closing at that moment
 */
public record Timeouts(
    Duration connect, Duration firstToken, Duration total, Duration keepaliveIdle) {
  public static final Duration DEFAULT_KEEPALIVE_IDLE = Duration.ofSeconds(30);
  public static final Timeouts DEFAULTS =
      new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(300));

  public Timeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(firstToken, "firstToken");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(keepaliveIdle, "keepaliveIdle");
  }

  /** With the default {@code keepalive_idle}. */
  public Timeouts(Duration connect, Duration firstToken, Duration total) {
    this(connect, firstToken, total, DEFAULT_KEEPALIVE_IDLE);
  }
}
