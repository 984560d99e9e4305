package dev.pitwall.suite;

/**
 * JMH-style iterations: {@code warmup} iterations are discarded, {@code measurement} iterations are
 * scored; each iteration makes {@code calls} calls per cell.
 */
public record Iterations(int warmup, int measurement, int calls) {
  public static final Iterations DEFAULTS = new Iterations(1, 5, 3);

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
  }

  public int total() {
    return warmup + measurement;
  }
}
