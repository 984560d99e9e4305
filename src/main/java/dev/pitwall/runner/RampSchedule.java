package dev.pitwall.runner;

/**
 * A rate ramping linearly from r0 to r1 over T, then holding r1. The expected count by time t is
 * N(t) = r0·t + (r1 − r0)·t² / 2T, so call n fires at N⁻¹(n), solved in closed form: exact, with no
 * drift from summing gaps.
 */
final class RampSchedule implements Schedule {
  private final double r0;
  private final double r1;
  private final double durationS;
  private long n;

  RampSchedule(double fromPerSecond, double toPerSecond, long durationNs) {
    if (!(fromPerSecond >= 0) || !(toPerSecond > 0) || durationNs <= 0) {
      throw new IllegalArgumentException("ramp needs from >= 0, to > 0 and a duration > 0");
    }
    this.r0 = fromPerSecond;
    this.r1 = toPerSecond;
    this.durationS = durationNs / 1e9;
  }

  @Override
  public long nextFireTimeNs() {
    return Math.round(timeOfCall(n++) * 1e9);
  }

  private double timeOfCall(long index) {
    double countAtEnd = (r0 + r1) / 2 * durationS;
    if (index >= countAtEnd) {
      return durationS + (index - countAtEnd) / r1;
    }
    double a = (r1 - r0) / (2 * durationS);
    if (Math.abs(a) < 1e-12) {
      return index / r0;
    }
    // a·t² + r0·t − n = 0, the positive root.
    return (-r0 + Math.sqrt(r0 * r0 + 4 * a * index)) / (2 * a);
  }
}
