package dev.pitwall.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {
  @Test
  void scoreIsTheMeanOfIterationsWithAStudentTHalfWidth() {
    // n = 5, mean 10, sd = sqrt(2.5); t(0.9995, 4) = 8.6103
    Score s = Statistics.score(new double[] {8, 9, 10, 11, 12});
    assertThat(s.mean()).isEqualTo(10.0);
    assertThat(s.error()).isCloseTo(8.6103 * Math.sqrt(2.5) / Math.sqrt(5), within(1e-3));
    assertThat(s.iterations()).isEqualTo(5);
  }

  @Test
  void oneIterationHasNoError() {
    Score s = Statistics.score(new double[] {3});
    assertThat(s.mean()).isEqualTo(3.0);
    assertThat(s.error()).isNaN();
  }

  @Test
  void welchSeparatesDifferentMeansAndNotNoise() {
    double[] a = {100, 101, 99, 100, 102};
    double[] b = {130, 131, 129, 130, 132};
    double[] c = {100.5, 100, 99.5, 101, 101};
    assertThat(Statistics.welchPValue(a, b)).isLessThan(0.001);
    assertThat(Statistics.welchPValue(a, c)).isGreaterThan(0.05);
  }
}
