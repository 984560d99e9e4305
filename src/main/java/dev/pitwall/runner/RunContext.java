package dev.pitwall.runner;

import dev.pitwall.client.LlmClient;
import dev.pitwall.metrics.CallSink;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.suite.Plan;
import dev.pitwall.time.Sleeper;
import dev.pitwall.time.Ticker;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a run needs, injected: the plan, the client, time, where records go, and how to stop.
 *
 * @param requests receives every attempt as it ends (requests.csv); must be thread-safe
 * @param startEpochMs wall-clock time of the run's start, to stamp records for humans
 * @param nonce append a per-call nonce to each prompt so prompt caches cannot flatter repeats
 * @param grace how long calls in flight may finish after a stop before they are cancelled
 */
public record RunContext(
    Plan plan,
    LlmClient client,
    Ticker ticker,
    Sleeper sleeper,
    CallSink requests,
    RunMetrics metrics,
    CostEstimator costs,
    StopSignal stop,
    ProgressListener progress,
    long startEpochMs,
    boolean nonce,
    Duration grace) {
  public RunContext {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(metrics, "metrics");
    costs = costs == null ? CostEstimator.NONE : costs;
    stop = stop == null ? new StopSignal() : stop;
    progress = progress == null ? ProgressListener.NONE : progress;
    grace = grace == null ? Duration.ofSeconds(10) : grace;
  }
}
