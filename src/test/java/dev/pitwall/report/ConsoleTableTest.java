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
    // model first: one line per cell (4 models) × headline metric, then the providers
    assertThat(lines.get(0))
        .startsWith("Benchmark")
        .contains("(model)", "Mode", "Cnt", "Score", "Error", "Units", "p99")
        .doesNotContain("(provider)");
    int providers = lines.indexOf("Per served provider:");
    assertThat(providers).isEqualTo(1 + 4 * 3 + 1);
    assertThat(lines.get(1)).startsWith("cap-theorem.cap ").contains(" sample ", " ± ", " ms");
    assertThat(lines.subList(1, providers - 1))
        .allSatisfy(l -> assertThat(l).doesNotContain("by_provider"));
    List<String> breakdown = lines.subList(providers + 1, lines.size());
    assertThat(breakdown.get(0)).contains("(model)", "(provider)", "(route)");
    // 6 series (DeepInfra and its Together fallback are two; 429s no provider served are one)
    assertThat(breakdown).hasSize(1 + 6 * 3);
    assertThat(breakdown.subList(1, breakdown.size()))
        .allSatisfy(l -> assertThat(l).contains(":by_provider "));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("cap-theorem.cap:output_speed"));
    assertThat(table).doesNotContain("NaN");
    int scoreColumn = lines.get(0).indexOf("Score") + "Score".length();
    for (String line : lines.subList(1, providers - 1)) {
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
