package dev.pitwall.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardTest {
  static Plan plan(String file) throws Exception {
    return Plan.of(SuiteLoader.load(Path.of("benchmarks", file), Map.of()));
  }

  @Test
  void everyCellLandsInExactlyOneShardForAnyCount() throws Exception {
    Plan plan = plan("02-provider-routing.yaml");
    for (int n = 1; n <= plan.cells().size() + 2; n++) {
      Map<String, Integer> seen = new HashMap<>();
      List<Integer> sizes = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        Plan slice = new Shard(i, n).select(plan);
        sizes.add(slice.cells().size());
        slice.cells().forEach(c -> seen.merge(c.id(), 1, Integer::sum));
      }
      assertThat(seen)
          .as("n=%d", n)
          .hasSize(plan.cells().size())
          .allSatisfy((id, k) -> assertThat(k).isOne());
      assertThat(
              sizes.stream().mapToInt(Integer::intValue).max().orElseThrow()
                  - sizes.stream().mapToInt(Integer::intValue).min().orElseThrow())
          .as("n=%d sizes %s", n, sizes)
          .isLessThanOrEqualTo(1);
    }
  }

  @Test
  void theSliceIsDeterministicAndKeepsPlanOrderAndCellIds() throws Exception {
    Plan plan = plan("02-provider-routing.yaml");
    Plan a = new Shard(2, 3).select(plan);
    Plan b = new Shard(2, 3).select(plan(("02-provider-routing.yaml")));
    assertThat(a.cells()).extracting(Cell::id).isEqualTo(b.cells().stream().map(Cell::id).toList());
    assertThat(a.cells())
        .extracting(Cell::id)
        .containsExactly(plan.cells().get(1).id(), plan.cells().get(4).id());
  }

  @Test
  void perKeyLimitsAreDividedByTheShardCount() throws Exception {
    Plan plan = plan("07-nightly.yaml");
    Suite s = new Shard(1, 4).select(plan).suite();
    assertThat(s.limits().requestsPerMinute()).isEqualTo(75);
    assertThat(s.limits().maxCostUsd()).isEqualByComparingTo(new BigDecimal("0.075"));
    assertThat(s.load()).isEqualTo(plan.suite().load());
    Limits tight =
        new Limits(3, 1000, new BigDecimal("1"), Map.of("groq", new ProviderLimits(2, null)));
    Limits divided = new Shard(1, 4).divide(tight);
    assertThat(divided.requestsPerMinute()).isEqualTo(1);
    assertThat(divided.tokensPerMinute()).isEqualTo(250);
    assertThat(divided.forProvider("groq")).isEqualTo(new ProviderLimits(1, null));
    assertThat(Shard.WHOLE.select(plan).suite().limits()).isEqualTo(plan.suite().limits());
  }

  @Test
  void parsesIOfNAndExplainsBadValues() {
    assertThat(Shard.parse(" 2/4 ")).isEqualTo(new Shard(2, 4));
    assertThat(Shard.parse("2/4")).hasToString("2/4");
    assertThatThrownBy(() -> Shard.parse("0/4")).hasMessageContaining("runs from 1 to 4");
    assertThatThrownBy(() -> Shard.parse("5/4")).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("--shard 2/4");
    assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageContaining("at least 1");
  }
}
