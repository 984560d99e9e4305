package dev.pitwall.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTest {
  @TempDir Path dir;

  private Plan plan(String yaml) throws SuiteException {
    return Plan.of(new SuiteFiles(dir).load(yaml));
  }

  private static final String TWO_PROMPTS_THREE_MODELS =
      """
      suite: t
      prompts:
        - {id: a, prompt: A}
        - {id: b, prompt: B}
      models:
        - id: anthropic/claude-3.5-sonnet
          providers: [anthropic, amazon-bedrock]
        - openai/gpt-4o
        - mistralai/mistral-large
      iterations: {warmup: 1, measurement: 2, calls: 3}
      """;

  @Test
  void cellsAreDealtRoundRobinAcrossModels() throws Exception {
    assertThat(plan(TWO_PROMPTS_THREE_MODELS).cells())
        .extracting(Cell::id)
        .containsExactly(
            "a/anthropic/claude-3.5-sonnet@anthropic",
            "a/openai/gpt-4o",
            "a/mistralai/mistral-large",
            "a/anthropic/claude-3.5-sonnet@amazon-bedrock",
            "b/openai/gpt-4o",
            "b/mistralai/mistral-large",
            "b/anthropic/claude-3.5-sonnet@anthropic",
            "b/anthropic/claude-3.5-sonnet@amazon-bedrock");
  }

  @Test
  void noModelRunsTwiceInARowWhileOthersHaveCellsLeft() throws Exception {
    List<Cell> cells = plan(TWO_PROMPTS_THREE_MODELS).cells();
    for (int i = 1; i < 6; i++) {
      assertThat(cells.get(i).model()).isNotEqualTo(cells.get(i - 1).model());
    }
  }

  @Test
  void indicesFollowTheOrderAndThePlanIsDeterministic() throws Exception {
    Plan first = plan(TWO_PROMPTS_THREE_MODELS);
    assertThat(first.cells()).extracting(Cell::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(plan(TWO_PROMPTS_THREE_MODELS).cells()).isEqualTo(first.cells());
  }

  @Test
  void callCountsCoverEveryIteration() throws Exception {
    Plan p = plan(TWO_PROMPTS_THREE_MODELS);
    assertThat(p.callsPerIteration()).isEqualTo(8 * 3);
    assertThat(p.totalCalls()).isEqualTo(8 * 3 * 3);
  }

  @Test
  void eachIterationStartsOneCellLater() throws Exception {
    Plan p = plan(TWO_PROMPTS_THREE_MODELS);
    List<Cell> first = p.callOrder(0);
    List<Cell> second = p.callOrder(1);
    assertThat(first).hasSize(24);
    assertThat(first.subList(0, 8)).isEqualTo(p.cells());
    assertThat(first.subList(8, 16)).isEqualTo(p.cells());
    assertThat(second.get(0)).isEqualTo(p.cells().get(1));
    assertThat(second.get(7)).isEqualTo(p.cells().get(0));
  }
}
