package dev.pitwall.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodiesTest {
  @Test
  void anAnnouncedLengthSizesTheBufferExactlyUpToTheCap() {
    assertThat(Bodies.initialCapacity("312", 1 << 20)).isEqualTo(312);
    assertThat(Bodies.initialCapacity(" 0 ", 1 << 20)).isZero();
    assertThat(Bodies.initialCapacity("99999999999", 4096)).isEqualTo(4096);
  }

  @Test
  void noOrAnUnreadableLengthStartsSmall() {
    assertThat(Bodies.initialCapacity(null, 1 << 20)).isEqualTo(1024);
    assertThat(Bodies.initialCapacity("lots", 1 << 20)).isEqualTo(1024);
    assertThat(Bodies.initialCapacity("-5", 1 << 20)).isEqualTo(1024);
    assertThat(Bodies.initialCapacity(null, 100)).isEqualTo(100);
  }
}
