package dev.pitwall.runner;

import java.util.SplittableRandom;

/**
 * Poisson arrivals: gaps drawn from an exponential distribution with mean 1 / rate, from a seeded
 * generator so the same seed offers exactly the same schedule to every run and every cell. The
 * first call fires at 0.
 */
final class PoissonSchedule implements Schedule {
  private final double meanGapNs;
  private final SplittableRandom random;
  private double nextNs;

  PoissonSchedule(double ratePerSecond, long seed) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be > 0, not " + ratePerSecond);
    }
    this.meanGapNs = 1e9 / ratePerSecond;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public long nextFireTimeNs() {
    long at = Math.round(nextNs);
    // 1 - u is in (0, 1], so the log is finite.
    nextNs += -Math.log(1.0 - random.nextDouble()) * meanGapNs;
    return at;
  }
}
