package dev.pitwall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class HugePagesTipTest {
  @Test
  void tipsOnLinuxWhenTheHeapIsInSmallPages() {
    assertThat(HugePagesTip.tip("Linux", false))
        .contains("-XX:+UseTransparentHugePages -XX:+AlwaysPreTouch")
        .contains("docs/simulator.md");
  }

  @Test
  void saysNothingWhenHugePagesAreOnOrUnknownOrNotLinux() {
    assertThat(HugePagesTip.tip("Linux", true)).isNull();
    assertThat(HugePagesTip.tip("Linux", null)).isNull();
    assertThat(HugePagesTip.tip("Mac OS X", false)).isNull();
    assertThat(HugePagesTip.tip("Windows 11", false)).isNull();
  }

  @Test
  void readsThisJvmsOptionWithoutFailing() {
    assertThatCode(HugePagesTip::forThisJvm).doesNotThrowAnyException();
  }
}
