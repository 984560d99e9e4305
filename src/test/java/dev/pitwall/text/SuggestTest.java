package dev.pitwall.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
  private static final List<String> KEYS =
      List.of("concurrency", "calls", "warmup", "measurement", "requests_per_minute");

  @Test
  void typosFindTheirKey() {
    assertThat(Suggest.didYouMean("concurency", KEYS)).isEqualTo("did you mean 'concurrency'?");
    assertThat(Suggest.didYouMean("warmpu", KEYS)).isEqualTo("did you mean 'warmup'?");
    assertThat(Suggest.didYouMean("requests_per_min", KEYS))
        .isEqualTo("did you mean 'requests_per_minute'?");
  }

  @Test
  void nothingCloseListsTheValidKeys() {
    assertThat(Suggest.didYouMean("zzz", KEYS))
        .isEqualTo("use one of: concurrency, calls, warmup, measurement, requests_per_minute");
  }

  @Test
  void closestIgnoresCaseAndPicksTheNearest() {
    assertThat(Suggest.closest("Concurency", KEYS)).contains("concurrency");
    assertThat(Suggest.closest("cals", KEYS)).contains("calls");
    assertThat(Suggest.closest("zzz", KEYS)).isEmpty();
  }

  @Test
  void transpositionsCountAsOneEdit() {
    assertThat(Suggest.distance("calls", "clals")).isEqualTo(1);
    assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
  }
}
