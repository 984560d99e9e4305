package dev.pitwall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.client.Endpoint;
import dev.pitwall.client.EndpointCache;
import dev.pitwall.client.ModelCatalog;
import dev.pitwall.client.Pricing;
import dev.pitwall.runner.CostEstimator;
import dev.pitwall.runner.Preflight;
import dev.pitwall.suite.Cell;
import dev.pitwall.suite.KnownModels;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.PlanReport;
import dev.pitwall.suite.SuiteLoader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code pitwall plan} prints is the bound {@code pitwall run}'s pre-flight refuses on. */
class CostBoundTest {
  /**
   * One model on two pinned providers and free routing, with a fallback model and 2 retries: 3
   * cells of 3 calls x 3 iterations x 3 attempts = 27 attempts each.
   */
  private static final String SUITE =
      """
      suite: bound
      prompts:
        - {id: p, prompt: abcdefghijklmnop}
      models:
        - id: a/model
          providers: [cheap, dear]
          free_routing: true
          fallback_models: [b/model]
      request: {max_tokens: 100}
      iterations: {warmup: 1, measurement: 2, calls: 3}
      retries: {max: 2}
      limits: {max_cost_usd: 0.05}
      """;

  /** USD per million tokens, prompt and completion: list prices, and two providers' own. */
  private static final Map<String, long[]> PER_MILLION =
      Map.of(
          "a/model", new long[] {1, 2},
          "b/model", new long[] {3, 4},
          "a/model@cheap", new long[] {0, 1},
          "a/model@dear", new long[] {10, 20});

  /** Fake prices; b/model has no price of its own at either provider, so its list price stands. */
  private static final CostEstimator PRICES =
      new CostEstimator() {
        @Override
        public Optional<BigDecimal> estimate(String model, int prompt, int completion) {
          return price(model, prompt, completion);
        }

        @Override
        public Optional<BigDecimal> estimate(
            String model, String provider, int prompt, int completion) {
          return price(model + "@" + provider, prompt, completion)
              .or(() -> estimate(model, prompt, completion));
        }

        private Optional<BigDecimal> price(String key, int prompt, int completion) {
          return Optional.ofNullable(PER_MILLION.get(key))
              .map(p -> BigDecimal.valueOf(p[0] * prompt + p[1] * completion).movePointLeft(6));
        }
      };

  @TempDir Path dir;

  @Test
  void thePlanReportShowsPreflightsBoundCellByCellAndInTotal() throws Exception {
    Plan plan = plan(SUITE);
    CostBound bound = new CostBound(plan, PRICES);
    PlanReport report = PlanReport.of(plan, bound::cell);

    // per attempt, 8 prompt tokens and 100 output tokens; each cell's dearest price x 27:
    // @cheap: b/model's list price (0.000424) beats a/model at cheap (0.0001);
    // @dear: a/model at dear (0.00208); free routing: b/model's list price (0.000424)
    assertThat(report.cells())
        .extracting(PlanReport.CellEstimate::maxCostUsd)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("0.011448"), new BigDecimal("0.05616"), new BigDecimal("0.011448"));
    for (PlanReport.CellEstimate c : report.cells()) {
      assertThat(c.maxCostUsd()).isEqualTo(Preflight.maxCost(plan, c.cell(), PRICES).orElseThrow());
    }
    assertThat(report.maxCostUsd()).isEqualTo(Preflight.maxCost(plan, PRICES));
    assertThat(report.maxCostUsd()).contains(new BigDecimal("0.079056"));
    assertThat(bound.total()).isEqualTo(report.maxCostUsd());

    String refusal = "the plan may cost up to $0.0791 (27 calls at max_tokens";
    assertThat(report.render())
        .contains("3 cells, 27 calls (9 warmup), at most 2700 output tokens")
        .contains("cost at most $0.0791 (up to 2 retries a call); budget $0.05");
    assertThat(bound.overBudget(null)).singleElement().asString().startsWith(refusal);
  }

  @Test
  void theKeysLimitRemainingIsASecondBudget() throws Exception {
    CostBound bound =
        new CostBound(plan(SUITE.replace("max_cost_usd: 0.05", "max_cost_usd: 1")), PRICES);
    assertThat(bound.overBudget(null)).isEmpty();
    assertThat(bound.overBudget(new BigDecimal("0.08"))).isEmpty();
    assertThat(bound.overBudget(new BigDecimal("0.07")))
        .singleElement()
        .asString()
        .contains("$0.0791", "more than the key's limit_remaining $0.07");
  }

  @Test
  void aTimeBoundPlanHasNoBoundSoRunDoesNotRefuseIt() throws Exception {
    Plan plan = plan(SUITE.replace("calls: 3", "duration: 2s"));
    CostBound bound = new CostBound(plan, PRICES);
    assertThat(bound.total()).isEmpty();
    assertThat(bound.overBudget(BigDecimal.ZERO)).isEmpty();
    for (Cell cell : plan.cells()) {
      assertThat(bound.cell(cell)).isEmpty();
    }
  }

  @Test
  void checkingTheSuiteAndBoundingItsCostFetchEachModelsEndpointsOnce() throws Exception {
    List<String> fetched = new ArrayList<>();
    EndpointCache endpoints =
        new EndpointCache(
            model -> {
              fetched.add(model);
              return List.of(endpoint("cheap", 1), endpoint("dear", 10));
            });
    ModelCatalog catalog =
        ModelCatalog.parse(
            """
            {"data": [
              {"id": "a/model", "created": 1, "pricing": {"prompt": "0.000001", "completion": "0.000002"}},
              {"id": "b/model", "created": 1, "pricing": {"prompt": "0.000003", "completion": "0.000004"}}
            ]}"""
                .getBytes(StandardCharsets.UTF_8));
    Target openRouter = Target.resolve("openrouter", Map.of("OPENROUTER_API_KEY", "sk-or-test"));

    KnownModels known = TargetSession.knownModels(openRouter, catalog, endpoints);
    Path file = Files.writeString(dir.resolve("bound.yaml"), SUITE);
    Plan plan = Plan.of(SuiteLoader.load(file, Map.of(), known));
    CostBound bound = CostBound.at(plan, catalog, endpoints);

    assertThat(known.providersOf("a/model")).containsKeys("cheap", "dear");
    assertThat(bound.total()).isPresent();
    // a/model's for its slugs and its providers' prices, b/model's (the fallback) for prices only
    assertThat(fetched).containsExactly("a/model", "b/model");
  }

  private static Endpoint endpoint(String tag, long perMillion) {
    BigDecimal price = BigDecimal.valueOf(perMillion).movePointLeft(6);
    return new Endpoint(
        tag,
        tag,
        8000,
        4000,
        null,
        new Pricing(price, price, null, null, null),
        null,
        null,
        null,
        null);
  }

  private Plan plan(String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("bound.yaml"), yaml);
    return Plan.of(SuiteLoader.load(file, Map.of()));
  }
}
