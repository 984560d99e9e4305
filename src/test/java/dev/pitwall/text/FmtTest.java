package dev.pitwall.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FmtTest {
  @Test
  void exactMsWritesWhatBigDecimalWrites() {
    long[] edges = {
      0,
      1,
      9,
      10,
      99_999,
      100_000,
      999_999,
      1_000_000,
      1_000_001,
      2_579_278,
      152_515_403,
      -1,
      -999_999,
      -1_000_000,
      -1_234_567,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      Long.MIN_VALUE + 1
    };
    for (long nanos : edges) {
      assertThat(Fmt.exactMs(nanos)).as("%d ns", nanos).isEqualTo(viaBigDecimal(nanos));
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      long nanos = random.nextLong(-10_000_000_000L, 10_000_000_000_000L);
      assertThat(Fmt.exactMs(nanos)).as("%d ns", nanos).isEqualTo(viaBigDecimal(nanos));
    }
  }

  @Test
  void fixedMsWritesWhatFixedWrites() {
    long[] edges = {
      0,
      1,
      499,
      500,
      501,
      1_499,
      1_500,
      1_501,
      2_500,
      999_999,
      1_000_000,
      1_234_500,
      1_235_500,
      -1,
      -400,
      -500,
      -501,
      -1_500,
      -2_500,
      -1_234_567,
      999_999_999_999_999L,
      1_000_000_000_000_000L,
      Long.MAX_VALUE,
      Long.MIN_VALUE
    };
    for (long nanos : edges) {
      assertThat(Fmt.fixedMs(nanos)).as("%d ns", nanos).isEqualTo(Fmt.fixed(nanos / 1e6, 3));
    }
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      long nanos = random.nextLong(-10_000_000_000L, 10_000_000_000_000L);
      // whole and half microseconds too: the rounding ties
      long[] cases = {nanos, nanos / 1000 * 1000, nanos / 1000 * 1000 + 500};
      for (long n : cases) {
        assertThat(Fmt.fixedMs(n)).as("%d ns", n).isEqualTo(Fmt.fixed(n / 1e6, 3));
      }
    }
  }

  private static String viaBigDecimal(long nanos) {
    return BigDecimal.valueOf(nanos, 6).toPlainString();
  }
}
