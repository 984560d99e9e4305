package dev.pitwall.runner;

/**
 * An open-loop arrival schedule. Pure: the n-th call of {@link #nextFireTimeNs()} returns the
 * intended start of the n-th call, in nanoseconds from the schedule's start, computed from the
 * schedule's parameters and seed alone (never from how the target behaves) — which is what keeps
 * open-loop figures free of coordinated omission.
 *
 * <p>Not thread-safe: one dispatcher thread owns a schedule.
 */
public interface Schedule {
  long nextFireTimeNs();

  /** Evenly spaced calls at {@code ratePerSecond}. */
  static Schedule constant(double ratePerSecond) {
    return new ConstantSchedule(ratePerSecond);
  }

  /** Poisson arrivals (exponential gaps) at a mean of {@code ratePerSecond}, seeded. */
  static Schedule poisson(double ratePerSecond, long seed) {
    return new PoissonSchedule(ratePerSecond, seed);
  }

  /**
   * A rate ramping linearly from {@code fromPerSecond} to {@code toPerSecond} over the duration.
   */
  static Schedule ramp(double fromPerSecond, double toPerSecond, long durationNs) {
    return new RampSchedule(fromPerSecond, toPerSecond, durationNs);
  }
}
