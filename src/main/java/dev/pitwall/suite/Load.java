package dev.pitwall.suite;

import java.util.Objects;

/**
 * The load offered. Closed loop uses {@code concurrency} workers; open loop offers {@code
 * ratePerSecond} calls per second with the given {@code arrival}, seeded by {@code seed}.
 */
public record Load(
    LoadMode mode, int concurrency, double ratePerSecond, Arrival arrival, long seed) {
  public static final Load CLOSED_SINGLE = new Load(LoadMode.CLOSED, 1, 0, Arrival.CONSTANT, 1L);

  public Load {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(arrival, "arrival");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1, not " + concurrency);
    }
    if (mode == LoadMode.OPEN && !(ratePerSecond > 0)) {
      throw new IllegalArgumentException("open loop needs a rate > 0");
    }
  }
}
