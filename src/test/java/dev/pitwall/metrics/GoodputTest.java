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
    return CallRecord.builder()
        .callId(1)
        .iteration(1)
        .cellId("c")
        .promptId("p")
        .model("m")
        .requestedProvider("auto")
        .servedProvider("P")
        .servedModel("m")
        .generationId("g")
        .outcome(outcome)
        .httpStatus(200)
        .tSchedNs(0)
        .tSendNs(0)
        .tFirstNs(ttftMs * MS)
        .tAnswerNs(ttftMs * MS)
        .tLastNs(e2eMs * MS)
        .tDoneNs(e2eMs * MS)
        .tokenEvents(10)
        .promptTokens(5)
        .completionTokens(20)
        .tokenSource(TokenSource.SERVER)
        .costUsd(BigDecimal.ONE)
        .build();
  }
}
