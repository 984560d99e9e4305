package dev.pitwall.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.client.ChatCall;
import dev.pitwall.client.ClientResult;
import dev.pitwall.client.LlmClient;
import dev.pitwall.client.Usage;
import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.CallSink;
import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.Phase;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Limits;
import dev.pitwall.suite.Load;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.ModelSpec;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.Prompt;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Retries;
import dev.pitwall.suite.Suite;
import dev.pitwall.suite.Timeouts;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunnerTest {
  private static final long MS = 1_000_000L;

  private final FakeTime time = new FakeTime();
  private final ConcurrentLinkedQueue<CallRecord> rows = new ConcurrentLinkedQueue<>();
  private final CallSink sink = rows::add;

  @Test
  void everyPlannedCallEndsOnceAndWarmupIsNotScored() throws Exception {
    Plan plan = plan(new Iterations(1, 3, 2), Limits.NONE, Retries.NONE, "a/x", "b/y");
    RunMetrics metrics = new RunMetrics();
    RunStatus status = run(plan, metrics, call -> ok(call, 100 * MS, 20));

    assertThat(status).isEqualTo(RunStatus.COMPLETE);
    assertThat(rows).hasSize(2 * 4 * 2);
    assertThat(rows.stream().map(CallRecord::callId).distinct()).hasSize(16);
    assertThat(rows.stream().filter(r -> r.phase() == Phase.WARMUP)).hasSize(4);
    List<SeriesResult> series = metrics.results();
    assertThat(series).hasSize(2);
    SeriesResult first = series.get(0);
    assertThat(first.outcomes().get(Outcome.OK)).isEqualTo(6);
    assertThat(first.metric(Metric.TTFT).iterationScores()).hasSize(3);
    assertThat(first.metric(Metric.TTFT).percentile(50)).isCloseTo(100.0, within(0.1));
    assertThat(first.completionTokens()).isEqualTo(6 * 20);
  }

  @Test
  void retriesAreOwnAttemptsLinkedToTheirCallAndHonourRetryAfter() throws Exception {
    Retries retries =
        Retries.builder()
            .maxRetries(2)
            .backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
            .build();
    Plan plan = plan(new Iterations(0, 1, 1), Limits.NONE, retries, "a/x");
    AtomicInteger n = new AtomicInteger();
    run(
        plan,
        new RunMetrics(),
        call ->
            n.getAndIncrement() == 0
                ? ClientResult.builder(Outcome.THROTTLED)
                    .httpStatus(429)
                    .errorCode("429")
                    .errorMessage("slow down")
                    .tSendNs(time.nanos())
                    .tDoneNs(time.nanos())
                    .retryAfterNanos(3_000 * MS)
                    .build()
                : ok(call, 50 * MS, 5));

    assertThat(rows).extracting(CallRecord::attempt).containsExactly(1, 2);
    assertThat(rows).extracting(CallRecord::callId).containsOnly(1L);
    assertThat(rows).extracting(CallRecord::outcome).containsExactly(Outcome.THROTTLED, Outcome.OK);
    assertThat(time.sleeps).contains(3_000 * MS);
    CallRecord first = rows.stream().filter(r -> r.attempt() == 1).findFirst().orElseThrow();
    CallRecord retry = rows.stream().filter(r -> r.attempt() == 2).findFirst().orElseThrow();
    // The first attempt's figures and the whole call's are both there.
    assertThat(retry.tCallSchedNs()).isEqualTo(first.tSchedNs());
    assertThat(retry.callE2eNs()).isGreaterThanOrEqualTo(retry.e2eNs() + 3_000 * MS);
  }

  @Test
  void aRetryAfterBeyondMaxWaitEndsTheCallWithoutHoldingTheWorker() throws Exception {
    Retries retries = Retries.builder().maxRetries(2).build();
    Plan plan = plan(new Iterations(0, 1, 1), Limits.NONE, retries, "a/x");
    run(
        plan,
        new RunMetrics(),
        call ->
            ClientResult.builder(Outcome.SERVER_ERROR)
                .httpStatus(503)
                .errorMessage("come back later")
                .tSendNs(time.nanos())
                .tDoneNs(time.nanos())
                .retryAfterNanos(Duration.ofHours(1).toNanos())
                .build());

    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.THROTTLED);
              assertThat(r.errorMessage())
                  .isEqualTo(
                      "come back later; Retry-After 3600 s exceeds retries.max_wait 60 s:"
                          + " not retried");
            });
    assertThat(time.sleeps).doesNotContain(Duration.ofHours(1).toNanos());
  }

  @Test
  void budgetStopsNewCallsAndRecordsTheRestAsBudgetStopped() throws Exception {
    Limits limits = new Limits(null, null, new BigDecimal("0.05"));
    Plan plan = plan(new Iterations(0, 2, 5), limits, Retries.NONE, "a/x");
    RunStatus status = run(plan, new RunMetrics(), call -> ok(call, 10 * MS, 10));

    assertThat(status).isEqualTo(RunStatus.BUDGET_EXHAUSTED);
    Map<Outcome, Long> byOutcome =
        rows.stream().collect(Collectors.groupingBy(CallRecord::outcome, Collectors.counting()));
    assertThat(byOutcome).containsEntry(Outcome.OK, 5L).containsEntry(Outcome.BUDGET_STOPPED, 5L);
  }

  @Test
  void requestsPerMinuteSpacesTheSends() throws Exception {
    Plan plan = plan(new Iterations(0, 1, 6), new Limits(60, null, null), Retries.NONE, "a/x");
    run(plan, new RunMetrics(), call -> ok(call, 10 * MS, 10));
    List<Long> sends = rows.stream().map(CallRecord::tSendNs).sorted().toList();
    for (int i = 1; i < sends.size(); i++) {
      assertThat(sends.get(i) - sends.get(i - 1)).isGreaterThanOrEqualTo(1_000 * MS);
    }
  }

  @Test
  void aStopCancelsWhatWasNotSent() throws Exception {
    Plan plan = plan(new Iterations(0, 2, 3), Limits.NONE, Retries.NONE, "a/x");
    StopSignal stop = new StopSignal();
    AtomicInteger n = new AtomicInteger();
    RunStatus status =
        run(
            plan,
            new RunMetrics(),
            stop,
            call -> {
              if (n.incrementAndGet() == 2) {
                stop.stop("interrupted (SIGINT)");
              }
              return ok(call, 10 * MS, 10);
            });
    assertThat(status).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(rows).hasSize(6);
    assertThat(rows.stream().filter(r -> r.outcome() == Outcome.CANCELLED)).hasSize(4);
  }

  @Test
  void openLoopOffersTheScheduleWhateverTheTargetDoes() throws Exception {
    Plan plan = openLoop(new Iterations(0, 1, 200), 2000, 1);
    assertThat(runOnRealTime(plan, new StopSignal(), () -> {})).isEqualTo(RunStatus.COMPLETE);
    List<Long> scheduled = rows.stream().map(CallRecord::tSchedNs).sorted().toList();
    assertThat(scheduled).hasSize(200);
    for (int i = 1; i < scheduled.size(); i++) {
      assertThat(scheduled.get(i) - scheduled.get(i - 1)).isEqualTo(500_000L);
    }
    assertThat(rows).allSatisfy(r -> assertThat(r.dispatchDelayNs()).isNotNegative());
  }

  @Test
  void anOpenLoopStopCancelsCallsHandedOverButNotYetDue() throws Exception {
    // At 1,000/s calls are handed to their threads 2 ms ahead, so when the first call stops the
    // run, the next ones are waiting for their fire times: they end CANCELLED, each exactly once.
    Plan plan = openLoop(new Iterations(0, 1, 50), 1000, 8);
    StopSignal stop = new StopSignal();
    RunStatus status =
        runOnRealTime(
            plan,
            stop,
            () -> {
              stop.stop("interrupted (SIGINT)");
              LockSupport.parkNanos(5 * MS);
            });
    assertThat(status).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(rows).hasSize(50);
    assertThat(rows.stream().map(CallRecord::callId).distinct()).hasSize(50);
    assertThat(rows).allSatisfy(r -> assertThat(r.outcome()).isIn(Outcome.OK, Outcome.CANCELLED));
    assertThat(rows.stream().filter(r -> r.outcome() == Outcome.CANCELLED)).hasSizeGreaterThan(40);
  }

  @Test
  void racingThreadsSendEachOpenLoopCallExactlyOnce() throws Exception {
    // Calls due 2 ms after their hand-over get a second thread racing the first to send them.
    Plan plan = openLoop(new Iterations(0, 1, 300), 1000, 64);
    AtomicInteger sent = new AtomicInteger();
    assertThat(runOnRealTime(plan, new StopSignal(), sent::incrementAndGet))
        .isEqualTo(RunStatus.COMPLETE);
    assertThat(sent).hasValue(300);
    assertThat(rows).hasSize(300);
    assertThat(rows.stream().map(CallRecord::callId).distinct()).hasSize(300);
    assertThat(rows).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.OK));
  }

  @Test
  void aTimeBoundOpenLoopIterationEndsWithItsCallsInFlight() throws Exception {
    // 200 ms iterations at 50 calls/s of calls that take 150 ms: the last calls of each
    // iteration are still in flight at its deadline.
    Plan plan =
        openLoop(new Iterations(0, 3, Iterations.UNBOUNDED, Duration.ofMillis(200)), 50, 100);
    RunMetrics metrics = new RunMetrics();
    RunStatus status =
        runOnRealTime(plan, metrics, new StopSignal(), () -> LockSupport.parkNanos(150 * MS));

    assertThat(status).isEqualTo(RunStatus.COMPLETE);
    assertThat(rows).isNotEmpty().allMatch(r -> r.outcome() == Outcome.OK);
    List<org.HdrHistogram.Histogram> iterations =
        metrics.results().get(0).metric(Metric.E2E).iterationHistograms();
    assertThat(iterations).hasSize(3);
    for (int i = 0; i < 3; i++) {
      int iteration = i + 1;
      long rowsOfIteration = rows.stream().filter(r -> r.iteration() == iteration).count();
      assertThat(rowsOfIteration).as("calls of iteration %d", iteration).isPositive();
      assertThat(iterations.get(i).getTotalCount())
          .as("iteration %d's histogram holds exactly its own calls", iteration)
          .isEqualTo(rowsOfIteration);
    }
  }

  private static Plan openLoop(Iterations iterations, double rate, int concurrency) {
    Suite suite = plan(iterations, Limits.NONE, Retries.NONE, "a/x").suite();
    return Plan.of(
        suite.withLoad(
            new Load(
                dev.pitwall.suite.LoadMode.OPEN,
                concurrency,
                rate,
                dev.pitwall.suite.Arrival.CONSTANT,
                1)));
  }

  /** Runs on the system ticker against a target that answers at once, after {@code onCall}. */
  private RunStatus runOnRealTime(Plan plan, StopSignal stop, Runnable onCall)
      throws InterruptedException {
    return runOnRealTime(plan, new RunMetrics(), stop, onCall);
  }

  private RunStatus runOnRealTime(Plan plan, RunMetrics metrics, StopSignal stop, Runnable onCall)
      throws InterruptedException {
    LlmClient instant =
        new LlmClient() {
          @Override
          public ClientResult complete(ChatCall call) {
            onCall.run();
            long now = dev.pitwall.time.Ticker.system().nanos();
            return ClientResult.builder(Outcome.OK)
                .httpStatus(200)
                .tSendNs(now)
                .tFirstNs(now)
                .tAnswerNs(now)
                .tLastNs(now)
                .tDoneNs(now)
                .generationId("g")
                .servedProvider("P")
                .servedModel(call.model())
                .finishReason("stop")
                .usage(new Usage(1, 1, 0, 0, BigDecimal.ZERO, false))
                .tokenEvents(1)
                .build();
          }

          @Override
          public void close() {}
        };
    RunContext ctx =
        RunContext.builder(plan, instant)
            .requests(sink)
            .metrics(metrics)
            .stop(stop)
            .grace(Duration.ZERO)
            .build();
    return new Runner(ctx).run();
  }

  private RunStatus run(Plan plan, RunMetrics metrics, Function<ChatCall, ClientResult> target)
      throws InterruptedException {
    return run(plan, metrics, new StopSignal(), target);
  }

  private RunStatus run(
      Plan plan, RunMetrics metrics, StopSignal stop, Function<ChatCall, ClientResult> target)
      throws InterruptedException {
    LlmClient client =
        new LlmClient() {
          @Override
          public synchronized ClientResult complete(ChatCall call) {
            return target.apply(call);
          }

          @Override
          public void close() {}
        };
    RunContext ctx =
        RunContext.builder(plan, client)
            .time(time, time)
            .requests(sink)
            .metrics(metrics)
            .stop(stop)
            .grace(Duration.ZERO)
            .build();
    return new Runner(ctx).run();
  }

  /** A success: TTFT after {@code ttft}, then one token per 10 ms. */
  private ClientResult ok(ChatCall call, long ttft, int tokens) {
    long send = time.nanos();
    time.advance(ttft);
    long first = time.nanos();
    time.advance(10 * MS * (tokens - 1));
    long last = time.nanos();
    return ClientResult.builder(Outcome.OK)
        .httpStatus(200)
        .tSendNs(send)
        .tFirstNs(first)
        .tAnswerNs(first)
        .tLastNs(last)
        .tDoneNs(last)
        .generationId("gen-1")
        .servedProvider("Prov")
        .servedModel(call.model())
        .finishReason("stop")
        .usage(new Usage(10, tokens, 0, 0, new BigDecimal("0.01"), false))
        .tokenEvents(tokens)
        .build();
  }

  static Plan plan(Iterations iterations, Limits limits, Retries retries, String... models) {
    RequestParams params = new RequestParams(100, 0.0, null, null, null, true, false, Map.of());
    List<ModelSpec> specs =
        java.util.Arrays.stream(models)
            .map(m -> new ModelSpec(m, List.of(), false, null, params))
            .toList();
    Suite suite =
        new Suite(
            "t",
            "",
            null,
            List.of(new Prompt("p", List.of(new Message("user", "hi")))),
            specs,
            Load.CLOSED_SINGLE,
            iterations,
            limits,
            Timeouts.DEFAULTS,
            retries,
            null,
            null,
            false);
    return Plan.of(suite);
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
