package dev.pitwall.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReportTest {
  @TempDir Path dir;

  @Test
  void anOpenLoopPlanSaysHowItIsOfferedAndBoundsTheCost() throws Exception {
    Suite s =
        SuiteLoader.load(SuiteLocator.locate("open-loop-poisson", Path.of("benchmarks")), Map.of());
    PlanReport report = PlanReport.of(Plan.of(s), cell -> Optional.of(new BigDecimal("0.001")));
    String text = report.render();
    assertThat(text)
        .contains("load: open loop, 3 calls/s, poisson arrivals, seed 42, at most 32 in flight")
        .contains("iterations: warmup 1, measurement 3, 8 call(s) per cell in 8s each")
        .contains("3 cells, 96 calls (24 warmup), at most 5760 output tokens");
    // the sum of the cells' bounds
    assertThat(report.maxCostUsd()).contains(new BigDecimal("0.003"));
    assertThat(text).contains("cost at most $0.0030");
  }

  @Test
  void aTimeBoundClosedLoopShowsNoCallCount() throws Exception {
    Suite s =
        new SuiteFiles(dir)
            .load(
                SuiteFiles.HEAD
                    + "models: [openai/gpt-4o]\niterations: {warmup: 0, duration: 30s}\n");
    String text = PlanReport.of(Plan.of(s), cell -> Optional.empty()).render();
    assertThat(text)
        .contains("iterations: warmup 0, measurement 5, as many calls as fit in 30s each")
        .contains("1 cells, time-bound: 5 iterations of 30s");
  }

  @Test
  void anUnknownPriceLeavesTheCostUnknownRatherThanZero() throws Exception {
    Suite s = SuiteLoader.load(Path.of("benchmarks/cap-theorem.yaml"), Map.of());
    PlanReport report =
        PlanReport.of(
            Plan.of(s),
            cell ->
                cell.model().startsWith("openai/")
                    ? Optional.of(BigDecimal.ONE)
                    : Optional.empty());
    assertThat(report.maxCostUsd()).isEmpty();
    assertThat(report.render()).contains("cost unknown");
  }
}
