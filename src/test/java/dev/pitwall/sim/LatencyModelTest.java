package dev.pitwall.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LatencyModelTest {
  private final LatencyModel model = new LatencyModel(400, 0.3, 100, 0.2, 2, 200, 0.25);

  @Test
  void ttftIsLognormalAroundTheMedian() {
    SplittableRandom random = new SplittableRandom(1);
    double[] ms = new double[20_001];
    for (int i = 0; i < ms.length; i++) {
      ms[i] = model.sampleTtftNanos(random) / 1e6;
    }
    Arrays.sort(ms);
    assertThat(ms[ms.length / 2]).isCloseTo(400, Offset.offset(8.0));
    assertThat(ms[(int) (ms.length * 0.9)])
        .isCloseTo(model.ttftPercentileMs(90), Offset.offset(15.0));
    assertThat(model.ttftPercentileMs(90))
        .isCloseTo(400 * Math.exp(0.3 * 1.2816), Offset.offset(0.1));
  }

  @Test
  void chunkGapsFollowTheSpeedWithinTheJitter() {
    SplittableRandom random = new SplittableRandom(2);
    double sum = 0;
    for (int i = 0; i < 10_000; i++) {
      long gap = model.sampleChunkGapNanos(random, 2);
      assertThat(gap).isBetween(16_000_000L, 24_000_000L); // 2 tokens at 100/s = 20 ms ± 20 %
      sum += gap;
    }
    assertThat(sum / 10_000 / 1e6).isCloseTo(20.0, Offset.offset(0.2));
  }

  @Test
  void zeroSigmaAndJitterAreExact() {
    LatencyModel exact = new LatencyModel(250, 0, 50, 0, 1, 100, 0);
    SplittableRandom random = new SplittableRandom(3);
    assertThat(exact.sampleTtftNanos(random)).isEqualTo(250_000_000L);
    assertThat(exact.sampleChunkGapNanos(random, 1)).isEqualTo(20_000_000L);
    assertThat(exact.sampleAnswerTokens(random)).isEqualTo(100);
  }

  @Test
  void sameSeedSameSamples() {
    SplittableRandom a = new SplittableRandom(9);
    SplittableRandom b = new SplittableRandom(9);
    for (int i = 0; i < 100; i++) {
      assertThat(model.sampleTtftNanos(a)).isEqualTo(model.sampleTtftNanos(b));
      assertThat(model.sampleAnswerTokens(a)).isEqualTo(model.sampleAnswerTokens(b));
    }
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new LatencyModel(-1, 0, 1, 0, 1, 1, 0))
        .hasMessageContaining("ttft_median_ms");
    assertThatThrownBy(() -> new LatencyModel(1, 0, 0, 0, 1, 1, 0))
        .hasMessageContaining("tokens_per_second");
    assertThatThrownBy(() -> new LatencyModel(1, 0, 1, 0, 0, 1, 0))
        .hasMessageContaining("tokens_per_chunk");
  }
}
