package dev.pitwall.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.suite.Slo;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class GoodputTest {
  private static final long MS = 1_000_000;

  @Test
  void aRequestIsGoodWhenItSucceedsAndMeetsEveryObjective() {
    Predicate<CallRecord> good =
        Goodput.meetsEvery(
            List.of(
                new Slo("ttft_p95_ms", 500),
                new Slo("e2e_p99_ms", 2000),
                new Slo("error_rate", 0.01)));
    assertThat(good.test(call(Outcome.OK, 400, 1500))).isTrue();
    assertThat(good.test(call(Outcome.OK, 600, 1500))).isFalse();
    assertThat(good.test(call(Outcome.OK, 400, 2500))).isFalse();
    assertThat(good.test(call(Outcome.SERVER_ERROR, 400, 1500))).isFalse();
  }

  @Test
  void withoutObjectivesEverySuccessIsGood() {
    Predicate<CallRecord> good = Goodput.meetsEvery(List.of());
    assertThat(good.test(call(Outcome.OK, 9000, 90000))).isTrue();
    assertThat(good.test(call(Outcome.THROTTLED, 1, 1))).isFalse();
  }

  private static CallRecord call(Outcome outcome, long ttftMs, long e2eMs) {
    return new CallRecord(
        1,
        1,
        1,
        Phase.MEASUREMENT,
        "c",
        "p",
        "m",
        "auto",
        "P",
        "m",
        "g",
        outcome,
        200,
        null,
        null,
        0,
        0,
        0,
        ttftMs * MS,
        ttftMs * MS,
        e2eMs * MS,
        e2eMs * MS,
        10,
        5,
        20,
        0,
        0,
        TokenSource.SERVER,
        BigDecimal.ONE,
        null);
  }
}
