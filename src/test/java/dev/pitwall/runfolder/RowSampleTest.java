package dev.pitwall.runfolder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowSampleTest {
  private static CallRecord at(long id, double seconds) {
    return CallRecord.builder()
        .callId(id)
        .cellId("p/m")
        .promptId("p")
        .model("m")
        .outcome(Outcome.OK)
        .tSchedNs((long) (seconds * 1e9))
        .build();
  }

  @Test
  void keepsEveryRowUpToItsCapacityThenAUniformBoundedSample() {
    RowSample small = new RowSample(10);
    for (int i = 0; i < 10; i++) {
      small.accept(at(i, i));
    }
    assertThat(small.sampled()).isFalse();
    assertThat(small.rows())
        .extracting(CallRecord::callId)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);

    RowSample big = new RowSample(100);
    for (int i = 0; i < 100_000; i++) {
      big.accept(at(i, i / 1000.0));
    }
    assertThat(big.seen()).isEqualTo(100_000);
    assertThat(big.rows()).hasSize(100);
    assertThat(big.sampled()).isTrue();
    // uniform: about half the sample comes from the second half of the rows
    long late = big.rows().stream().filter(r -> r.callId() >= 50_000).count();
    assertThat(late).isBetween(30L, 70L);
    // the offered rate is exact, not sampled: 1000 attempts in each of 100 seconds
    long[] perSecond = big.perSecond();
    assertThat(perSecond).hasSize(100);
    assertThat(perSecond).containsOnly(1000L);
  }

  @Test
  void theSameRowsGiveTheSameSample() {
    RowSample a = new RowSample(50);
    RowSample b = new RowSample(50);
    for (int i = 0; i < 5000; i++) {
      a.accept(at(i, 0));
      b.accept(at(i, 0));
    }
    assertThat(a.rows()).isEqualTo(b.rows());
    assertThat(RowSample.of(List.of()).perSecond()).isEmpty();
  }
}
