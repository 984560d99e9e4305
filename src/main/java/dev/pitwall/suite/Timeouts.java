package dev.pitwall.suite;

import java.time.Duration;
import java.util.Objects;

/** Per-call timeouts: connecting, waiting for the first token, and the whole call. */
public record Timeouts(Duration connect, Duration firstToken, Duration total) {
  public static final Timeouts DEFAULTS =
      new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(300));

  public Timeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(firstToken, "firstToken");
    Objects.requireNonNull(total, "total");
  }
}
