package dev.pitwall.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.client.ClientConfig;
import dev.pitwall.client.LlmClients;
import dev.pitwall.client.OpenRouterApi;
import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.TokenSource;
import dev.pitwall.suite.Arrival;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Limits;
import dev.pitwall.suite.Load;
import dev.pitwall.suite.LoadMode;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.ModelSpec;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.Prompt;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Retries;
import dev.pitwall.suite.Suite;
import dev.pitwall.suite.Timeouts;
import dev.pitwall.time.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The primer against its own loopback responder: every call parses as a real answer would. */
class PrimerTest {
  private final ConcurrentLinkedQueue<CallRecord> rows = new ConcurrentLinkedQueue<>();

  @Test
  void streamedCallsAreAnsweredInFullAndCountedOnlyInTheGivenSinks() throws Exception {
    Plan plan = plan(true, 30, Load.CLOSED_SINGLE, "a/x", "b/y");
    RunMetrics metrics = new RunMetrics();

    Primer.Report report = prime(plan, 101, metrics, new StopSignal());

    // 101 calls over 2 cells in iterations as often as the suite's (2 calls a cell): 25 of them,
    // 3 calls a cell each, all answered.
    assertThat(report.calls()).isEqualTo(150);
    assertThat(rows).hasSize(150).allMatch(r -> r.outcome() == Outcome.OK);
    CallRecord row = rows.peek();
    assertThat(row.servedProvider()).isEqualTo("Primer");
    assertThat(row.tokenEvents()).isEqualTo(30);
    assertThat(row.completionTokens()).isEqualTo(30);
    assertThat(row.generationId()).startsWith("gen-primer-");
    assertThat(rows).extracting(CallRecord::model).containsOnly("a/x", "b/y");
    assertThat(metrics.results()).hasSize(2);
  }

  @Test
  void nonStreamedCallsAreAnsweredToo() throws Exception {
    Primer.Report report =
        prime(plan(false, 500, Load.CLOSED_SINGLE, "a/x"), 20, new RunMetrics(), new StopSignal());

    assertThat(report.calls()).isEqualTo(20);
    assertThat(rows).extracting(CallRecord::tokenSource).containsOnly(TokenSource.SERVER);
    assertThat(rows).allMatch(r -> r.outcome() == Outcome.OK);
    // a long answer is cut to the responder's cap, so priming stays short
    assertThat(rows.peek().completionTokens()).isEqualTo(50);
  }

  @Test
  void anOpenLoopIsPrimedInOpenLoopFastAndWithoutTheSuitesLimits() throws Exception {
    Load open = new Load(LoadMode.OPEN, 8, 2, Arrival.POISSON, 7L);
    Plan plan = plan(true, 5, open, "a/x");
    Plan primed = Primer.primerPlan(plan, 40);

    assertThat(primed.suite().load().mode()).isEqualTo(LoadMode.OPEN);
    assertThat(primed.suite().load().concurrency()).isEqualTo(8);
    assertThat(primed.suite().load().ratePerSecond()).isGreaterThan(1000);
    assertThat(primed.suite().limits()).isEqualTo(Limits.NONE);
    assertThat(primed.suite().iterations()).isEqualTo(new Iterations(1, 19, 2));
    assertThat(primed.cells()).isEqualTo(plan.cells());
    assertThat(prime(plan, 40, new RunMetrics(), new StopSignal()).calls()).isEqualTo(40);
  }

  @Test
  void aClosedLoopKeepsAtMostFourWorkers() {
    Load wide = new Load(LoadMode.CLOSED, 32, 0, Arrival.CONSTANT, 1L);
    assertThat(Primer.primerPlan(plan(true, 5, wide, "a/x"), 10).suite().load().concurrency())
        .isEqualTo(4);
  }

  @Test
  void noCallsMeansNoPriming() throws Exception {
    assertThat(prime(plan(true, 5, Load.CLOSED_SINGLE, "a/x"), 0, new RunMetrics(), null))
        .isEqualTo(Primer.Report.NONE);
    assertThat(rows).isEmpty();
  }

  @Test
  void aStoppedRunSendsNothing() throws Exception {
    StopSignal stop = new StopSignal();
    stop.stop("Ctrl-C");

    prime(plan(true, 5, Load.CLOSED_SINGLE, "a/x"), 50, new RunMetrics(), stop);

    assertThat(rows).noneMatch(r -> r.outcome() == Outcome.OK);
  }

  private Primer.Report prime(Plan plan, int calls, RunMetrics metrics, StopSignal stop)
      throws Exception {
    return Primer.prime(
        plan,
        calls,
        url -> LlmClients.http(ClientConfig.of(url, null), Ticker.system()),
        url -> {
          OpenRouterApi api = new OpenRouterApi(ClientConfig.of(url, null));
          return id -> api.generation(id, 1);
        },
        rows::add,
        metrics,
        stop);
  }

  private static Plan plan(boolean stream, int maxTokens, Load load, String... models) {
    RequestParams params =
        new RequestParams(maxTokens, 0.0, null, null, null, stream, false, Map.of());
    List<ModelSpec> specs =
        java.util.Arrays.stream(models)
            .map(m -> new ModelSpec(m, List.of(), false, null, params))
            .toList();
    return Plan.of(
        new Suite(
            "t",
            "",
            null,
            List.of(new Prompt("p", List.of(new Message("user", "hi")))),
            specs,
            load,
            new Iterations(1, 3, 2, Duration.ofSeconds(1)),
            new Limits(60, null, null),
            Timeouts.DEFAULTS,
            Retries.NONE,
            null,
            null,
            false));
  }
}
