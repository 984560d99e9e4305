package dev.pitwall.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  @Test
  void constantScheduleSpacesCallsExactly() {
    Schedule s = Schedule.constant(4);
    assertThat(s.nextFireTimeNs()).isZero();
    assertThat(s.nextFireTimeNs()).isEqualTo(250_000_000L);
    assertThat(s.nextFireTimeNs()).isEqualTo(500_000_000L);
  }

  @Test
  void poissonScheduleHasTheMeanRateAndExponentialGaps() {
    double rate = 50;
    Schedule s = Schedule.poisson(rate, 42);
    int n = 20_000;
    double[] gapsS = new double[n];
    long prev = s.nextFireTimeNs();
    for (int i = 0; i < n; i++) {
      long next = s.nextFireTimeNs();
      gapsS[i] = (next - prev) / 1e9;
      prev = next;
    }
    double observedRate = n / (prev / 1e9);
    assertThat(observedRate).isBetween(rate * 0.97, rate * 1.03);
    double p =
        new KolmogorovSmirnovTest()
            .kolmogorovSmirnovTest(new ExponentialDistribution(null, 1 / rate), gapsS);
    assertThat(p).as("KS p-value against Exp(mean 1/rate)").isGreaterThan(0.01);
  }

  @Test
  void poissonScheduleIsReproducibleFromItsSeed() {
    Schedule a = Schedule.poisson(10, 7);
    Schedule b = Schedule.poisson(10, 7);
    Schedule c = Schedule.poisson(10, 8);
    long diff = 0;
    for (int i = 0; i < 100; i++) {
      long x = a.nextFireTimeNs();
      assertThat(b.nextFireTimeNs()).isEqualTo(x);
      diff += Math.abs(c.nextFireTimeNs() - x);
    }
    assertThat(diff).isPositive();
  }

  @Test
  void rampOffersTheIntegralOfItsRate() {
    // 0 → 10 /s over 10 s: 50 calls in the ramp, then 10 /s.
    Schedule s = Schedule.ramp(0, 10, 10_000_000_000L);
    long t = 0;
    for (int i = 0; i <= 50; i++) {
      t = s.nextFireTimeNs();
    }
    assertThat(t).isCloseTo(10_000_000_000L, org.assertj.core.data.Offset.offset(1_000L));
    assertThat(s.nextFireTimeNs() - t)
        .isCloseTo(100_000_000L, org.assertj.core.data.Offset.offset(1_000L));
  }
}
