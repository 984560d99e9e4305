package dev.pitwall.suite;

import java.time.Duration;

/**
 * JMH-style iterations: {@code warmup} iterations are discarded, {@code measurement} iterations are
 * scored; each iteration makes {@code calls} calls per cell. With a {@code duration} (null when
 * count-bound) an iteration also ends when that much time has passed, whichever comes first; a
 * suite that gives a duration but no calls gets {@link #UNBOUNDED} calls (closed loop) or as many
 * as its open-loop rate offers in that time.
 */
public record Iterations(int warmup, int measurement, int calls, Duration duration) {
  public static final Iterations DEFAULTS = new Iterations(1, 5, 3);

  /** The calls per cell of a time-bound iteration without a count cap. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  public Iterations {
    if (warmup < 0) {
      throw new IllegalArgumentException("warmup must be >= 0, not " + warmup);
    }
    if (measurement < 1) {
      throw new IllegalArgumentException("measurement must be >= 1, not " + measurement);
    }
    if (calls < 1) {
      throw new IllegalArgumentException("calls must be >= 1, not " + calls);
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("duration must be > 0, not " + duration);
    }
    if (duration == null && calls == UNBOUNDED) {
      throw new IllegalArgumentException("unbounded calls need a duration");
    }
  }

  public Iterations(int warmup, int measurement, int calls) {
    this(warmup, measurement, calls, null);
  }

  public int total() {
    return warmup + measurement;
  }

  /** True when iterations end on time rather than only on a count of calls. */
  public boolean isTimeBound() {
    return duration != null;
  }
}
