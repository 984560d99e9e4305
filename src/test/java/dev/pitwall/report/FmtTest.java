package dev.pitwall.report;

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

  private static String viaBigDecimal(long nanos) {
    return BigDecimal.valueOf(nanos, 6).toPlainString();
  }
}
