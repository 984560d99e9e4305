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
    ModelPrice price = new ModelPrice(new BigDecimal("0.0000004"), new BigDecimal("0.0000004"));
    PlanReport report = PlanReport.of(Plan.of(s), model -> Optional.of(price));
    String text = report.render();
    assertThat(text)
        .contains("load: open loop, 3 calls/s, poisson arrivals, seed 42, at most 32 in flight")
        .contains("iterations: warmup 1, measurement 3, 8 call(s) per cell in 8s each")
        .contains("3 cells, 96 calls (24 warmup), at most 5760 output tokens");
    // 96 calls x (60 max out + 13 prompt tokens) x $0.4 per million
    assertThat(report.maxCostUsd()).contains(new BigDecimal("0.0028032"));
  }

  @Test
  void aTimeBoundClosedLoopShowsNoCallCount() throws Exception {
    Suite s =
        new SuiteFiles(dir)
            .load(
                SuiteFiles.HEAD
                    + "models: [openai/gpt-4o]\niterations: {warmup: 0, duration: 30s}\n");
    String text = PlanReport.of(Plan.of(s), m -> Optional.empty()).render();
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
            m ->
                m.startsWith("openai/")
                    ? Optional.of(new ModelPrice(BigDecimal.ONE, BigDecimal.ONE))
                    : Optional.empty());
    assertThat(report.maxCostUsd()).isEmpty();
    assertThat(report.render()).contains("cost unknown");
  }
}
