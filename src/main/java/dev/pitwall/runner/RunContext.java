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
 * @param generations OpenRouter's records of generations, or null when the target keeps none
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
    Duration grace,
    GenerationLookup generations) {
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

  /** A context for {@code plan} on {@code client}, with every other setting at its default. */
  public static Builder builder(Plan plan, LlmClient client) {
    return new Builder(plan, client);
  }

  /**
   * Builds a {@link RunContext}. Defaults: the system ticker and sleeper, records and metrics going
   * nowhere but a fresh {@link RunMetrics}, no cost estimate, a fresh stop signal, no progress,
   * start 0, no nonce, 10 s grace, no generation look-ups.
   */
  public static final class Builder {
    private final Plan plan;
    private final LlmClient client;
    private Ticker ticker = Ticker.system();
    private Sleeper sleeper = Sleeper.system();
    private CallSink requests = record -> {};
    private RunMetrics metrics;
    private CostEstimator costs;
    private StopSignal stop;
    private ProgressListener progress;
    private long startEpochMs;
    private boolean nonce;
    private Duration grace;
    private GenerationLookup generations;

    private Builder(Plan plan, LlmClient client) {
      this.plan = Objects.requireNonNull(plan, "plan");
      this.client = Objects.requireNonNull(client, "client");
    }

    /** The one clock of the run, and what waits on it (a fake pair in tests). */
    public Builder time(Ticker ticker, Sleeper sleeper) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public Builder requests(CallSink requests) {
      this.requests = Objects.requireNonNull(requests, "requests");
      return this;
    }

    public Builder metrics(RunMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    public Builder costs(CostEstimator costs) {
      this.costs = costs;
      return this;
    }

    public Builder stop(StopSignal stop) {
      this.stop = stop;
      return this;
    }

    public Builder progress(ProgressListener progress) {
      this.progress = progress;
      return this;
    }

    public Builder startEpochMs(long startEpochMs) {
      this.startEpochMs = startEpochMs;
      return this;
    }

    public Builder nonce(boolean nonce) {
      this.nonce = nonce;
      return this;
    }

    public Builder grace(Duration grace) {
      this.grace = grace;
      return this;
    }

    /** Where to find OpenRouter's record of a generation; none by default. */
    public Builder generations(GenerationLookup generations) {
      this.generations = generations;
      return this;
    }

    public RunContext build() {
      return new RunContext(
          plan,
          client,
          ticker,
          sleeper,
          requests,
          metrics != null ? metrics : new RunMetrics(),
          costs,
          stop,
          progress,
          startEpochMs,
          nonce,
          grace,
          generations);
    }
  }
}
