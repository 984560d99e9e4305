package dev.pitwall.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteLoaderTest {
  @Test
  void capTheoremLoadsAsWritten() throws Exception {
    Suite s = SuiteLoader.load(Path.of("benchmarks/cap-theorem.yaml"), Map.of());
    assertThat(s.name()).isEqualTo("cap-theorem");
    assertThat(s.models()).hasSize(4);
    assertThat(s.load().concurrency()).isEqualTo(2);
    assertThat(s.iterations()).isEqualTo(new Iterations(1, 5, 2));
    Plan plan = Plan.of(s);
    assertThat(plan.cells()).hasSize(4);
    assertThat(plan.totalCalls()).isEqualTo(48);
  }
}
