package dev.pitwall.runner;

/** Call n at n / rate: computed from the index, so rounding never accumulates. */
final class ConstantSchedule implements Schedule {
  private final double intervalNs;
  private long n;

  ConstantSchedule(double ratePerSecond) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be > 0, not " + ratePerSecond);
    }
    this.intervalNs = 1e9 / ratePerSecond;
  }

  @Override
  public long nextFireTimeNs() {
    return Math.round(n++ * intervalNs);
  }
}
