package dev.pitwall.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.metrics.Phase;
import dev.pitwall.suite.Cell;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Limits;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.Retries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IterationCallsTest {
  @Test
  void interleavesCellsRotatesEachIterationAndNumbersCallsAcrossIterations() {
    Plan plan =
        RunnerTest.plan(new Iterations(1, 2, 3), Limits.NONE, Retries.NONE, "a/x", "b/y", "c/z");
    IterationCalls second = new IterationCalls(plan, 1, Phase.MEASUREMENT, new FakeTime());
    assertThat(second.size()).isEqualTo(9);
    List<String> order = new ArrayList<>();
    List<Cell> cells = new ArrayList<>();
    for (long k = 0; k < second.size(); k++) {
      PlannedCall c = second.get(k);
      order.add(c.cell().model() + "#" + c.callId());
      cells.add(c.cell());
      assertThat(c.iteration()).isEqualTo(2);
    }
    assertThat(order)
        .containsExactly(
            "b/y#10", "c/z#11", "a/x#12", "b/y#13", "c/z#14", "a/x#15", "b/y#16", "c/z#17",
            "a/x#18");
    assertThat(cells).isEqualTo(plan.callOrder(1));
  }

  @Test
  void aTimeBoundIterationEndsAtItsDeadline() {
    FakeTime time = new FakeTime();
    Plan plan =
        RunnerTest.plan(
            new Iterations(0, 1, Iterations.UNBOUNDED, java.time.Duration.ofSeconds(2)),
            Limits.NONE,
            Retries.NONE,
            "a/x");
    IterationCalls calls = new IterationCalls(plan, 0, Phase.MEASUREMENT, time);
    assertThat(calls.timeIsUp()).isFalse();
    time.advance(1_999_999_999L);
    assertThat(calls.timeIsUp()).isFalse();
    time.advance(1);
    assertThat(calls.timeIsUp()).isTrue();
    assertThat(calls.get(0).callId()).isEqualTo(1_000_000_001L);
  }
}
