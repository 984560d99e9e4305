package dev.pitwall.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CallRecordTest {
  private static final long MS = 1_000_000;

  /** A retry: intended at 5 s, its call first intended at 1 s, answered 300 ms after its send. */
  private static final CallRecord RETRY =
      new CallRecord(
          7,
          2,
          1,
          Phase.MEASUREMENT,
          "p/m",
          "p",
          "m",
          "openai",
          "OpenAI",
          "m",
          "gen",
          Outcome.OK,
          200,
          null,
          null,
          0,
          5_000 * MS,
          5_010 * MS,
          5_100 * MS,
          5_100 * MS,
          5_310 * MS,
          5_310 * MS,
          10,
          5,
          20,
          0,
          0,
          TokenSource.SERVER,
          BigDecimal.ONE,
          "n1",
          1_000 * MS);

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
        new CallRecord(
            1,
            1,
            1,
            Phase.MEASUREMENT,
            "p/m",
            "p",
            "m",
            "auto",
            "P",
            "m",
            "g",
            Outcome.OK,
            200,
            null,
            null,
            0,
            10,
            20,
            30,
            30,
            40,
            40,
            1,
            1,
            2,
            0,
            0,
            TokenSource.SERVER,
            null,
            null);
    assertThat(first.tCallSchedNs()).isEqualTo(first.tSchedNs());
    assertThat(first.callE2eNs()).isEqualTo(first.e2eScheduledNs());
  }
}
