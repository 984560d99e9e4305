package dev.pitwall.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesKeyTest {
  @Test
  void aTagKeepsLettersDigitsAndDotUnderscoreAtDashAndMakesAnythingElseOneUnderscore() {
    SeriesKey key =
        new SeriesKey(
            "hello/openai-gpt-4o@azure", "hello", "openai/gpt-4o", "azure", "Azure 東京 🚀");

    assertThat(key.tag()).isEqualTo("hello_openai-gpt-4o@azure@Azure_____");
  }

  @Test
  void aTagIsWhatTheRegexItReplacesGave() {
    String[] served = {"Google AI Studio", "a,b/c", "Fireworks", "x:y=z", "Ünïcode", "ok._@-"};
    for (String s : served) {
      SeriesKey key = new SeriesKey("p/m-1", "p", "m", null, s);
      assertThat(key.tag())
          .isEqualTo(("p/m-1@" + key.servedProvider()).replaceAll("[^A-Za-z0-9._@-]", "_"));
    }
  }
}
