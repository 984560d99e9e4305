package dev.pitwall.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.metrics.Phase;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Limits;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.Retries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IterationCallsTest {
  @Test
  void interleavesCellsAndNumbersCallsAcrossIterations() {
    Plan plan = RunnerTest.plan(new Iterations(1, 2, 3), Limits.NONE, Retries.NONE, "a/x", "b/y");
    IterationCalls second = new IterationCalls(plan, 1, Phase.MEASUREMENT);
    assertThat(second.size()).isEqualTo(6);
    List<String> order = new ArrayList<>();
    for (long k = 0; k < second.size(); k++) {
      PlannedCall c = second.get(k);
      order.add(c.cell().model() + "#" + c.callId());
      assertThat(c.iteration()).isEqualTo(2);
    }
    assertThat(order).containsExactly("a/x#7", "b/y#8", "a/x#9", "b/y#10", "a/x#11", "b/y#12");
  }
}
