package dev.pitwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.metrics.SloGate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {
  @Test
  void alignsAJmhLikeTable() {
    String table = ConsoleTable.render(ReportFixtures.run().result());
    List<String> lines = table.lines().toList();
    assertThat(lines.get(0))
        .startsWith("Benchmark")
        .contains("(model)", "(provider)", "Mode", "Cnt", "Score", "Error", "Units", "p99");
    // 6 series (DeepInfra and its Together fallback are two; 429s no provider served are one)
    assertThat(lines).hasSize(1 + 6 * 3);
    assertThat(lines.get(1)).startsWith("cap-theorem.cap ").contains(" sample ", " ± ", " ms");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("cap-theorem.cap:output_speed"));
    int scoreColumn = lines.get(0).indexOf("Score") + "Score".length();
    for (String line : lines.subList(1, lines.size())) {
      assertThat(line.charAt(scoreColumn - 1)).as(line).isNotEqualTo(' ');
    }
  }

  @Test
  void listsFailedVerdictsFirst() {
    var run = ReportFixtures.run();
    String text = ConsoleTable.renderVerdicts(SloGate.evaluate(run.result(), run.facts().slos()));
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0)).startsWith("  FAIL  ").contains("ttft_p95_ms");
    assertThat(lines.get(lines.size() - 1)).startsWith("  pass  ");
    assertThat(ConsoleTable.renderVerdicts(List.of())).isEmpty();
  }

  @Test
  void saysSoWhenNothingWasMeasured() {
    var empty = new dev.pitwall.metrics.RunResult(ReportFixtures.info(true), List.of());
    assertThat(ConsoleTable.render(empty)).contains("No measured calls");
  }
}
