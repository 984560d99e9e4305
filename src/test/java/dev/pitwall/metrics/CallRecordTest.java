package dev.pitwall.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CallRecordTest {
  private static final long MS = 1_000_000;

  /** A retry: intended at 5 s, its call first intended at 1 s, answered 300 ms after its send. */
  private static final CallRecord RETRY =
      CallRecord.builder()
          .callId(7)
          .attempt(2)
          .iteration(1)
          .cellId("p/m")
          .promptId("p")
          .model("m")
          .requestedProvider("openai")
          .servedProvider("OpenAI")
          .servedModel("m")
          .generationId("gen")
          .outcome(Outcome.OK)
          .httpStatus(200)
          .tSchedNs(5_000 * MS)
          .tSendNs(5_010 * MS)
          .tFirstNs(5_100 * MS)
          .tAnswerNs(5_100 * MS)
          .tLastNs(5_310 * MS)
          .tDoneNs(5_310 * MS)
          .tokenEvents(10)
          .promptTokens(5)
          .completionTokens(20)
          .tokenSource(TokenSource.SERVER)
          .costUsd(BigDecimal.ONE)
          .nonce("n1")
          .tCallSchedNs(1_000 * MS)
          .build();

  @Test
  void copiesChangeOnlyWhatTheyNameAndKeepTheWholeCall() {
    CallRecord renumbered = RETRY.withCallId(42);
    assertThat(renumbered.callId()).isEqualTo(42);
    assertThat(renumbered.tCallSchedNs()).isEqualTo(1_000 * MS);
    assertThat(renumbered.callE2eNs()).isEqualTo(4_310 * MS);
    assertThat(renumbered.withCallId(7)).isEqualTo(RETRY);
    assertThat(RETRY.withPhase(Phase.WARMUP).phase()).isEqualTo(Phase.WARMUP);
    assertThat(RETRY.withRequestedProvider(null).requestedProvider()).isNull();
    assertThat(RETRY.withErrorMessage("x").errorMessage()).isEqualTo("x");
    assertThat(RETRY.withErrorMessage("x").withErrorMessage(null)).isEqualTo(RETRY);
  }

  @Test
  void aFirstAttemptsCallStartsWithIt() {
    CallRecord first =
        CallRecord.builder()
            .callId(1)
            .iteration(1)
            .cellId("p/m")
            .promptId("p")
            .model("m")
            .requestedProvider("auto")
            .servedProvider("P")
            .servedModel("m")
            .generationId("g")
            .outcome(Outcome.OK)
            .httpStatus(200)
            .tSchedNs(10)
            .tSendNs(20)
            .tFirstNs(30)
            .tAnswerNs(30)
            .tLastNs(40)
            .tDoneNs(40)
            .tokenEvents(1)
            .promptTokens(1)
            .completionTokens(2)
            .tokenSource(TokenSource.SERVER)
            .build();
    assertThat(first.tCallSchedNs()).isEqualTo(first.tSchedNs());
    assertThat(first.callE2eNs()).isEqualTo(first.e2eScheduledNs());
  }
}
