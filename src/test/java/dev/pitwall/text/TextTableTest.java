package dev.pitwall.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.text.TextTable.Align;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void alignsTextLeftAndFiguresRightWithoutTrailingSpaces() {
    String text =
        TextTable.of(Align.LEFT, Align.RIGHT, Align.LEFT)
            .header("provider", "models", "note")
            .row("openai", "12", "")
            .row("meta-llama", "1", "new")
            .render();
    assertThat(text)
        .isEqualTo(
            "provider    models  note\n" + "openai          12\n" + "meta-llama       1  new\n");
  }

  @Test
  void drawsARuleUnderTheHeaderAsWideAsTheTable() {
    String text =
        TextTable.of(Align.LEFT, Align.RIGHT)
            .header("a", "bb")
            .ruleUnderHeader()
            .row("ccc", "1")
            .render();
    assertThat(text).isEqualTo("a    bb\n-------\nccc   1\n");
  }

  @Test
  void refusesARowOfTheWrongWidth() {
    assertThatThrownBy(() -> TextTable.of(Align.LEFT).row("a", "b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
