package dev.pitwall.runner;

import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.Phase;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Load;
import dev.pitwall.suite.LoadMode;
import dev.pitwall.suite.Plan;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a plan: JMH-style iterations (warmup discarded, measurement scored), each a batch of
 * {@code calls} calls per cell in interleaved order, offered in closed loop (N workers) or open
 * loop (a schedule). Iterations are barriers: the next starts when every call of the last ended, so
 * each iteration's histograms hold exactly its own calls.
 *
 * <p>Every planned call ends in exactly one final record: calls never sent because of a stop or the
 * budget are recorded as CANCELLED or BUDGET_STOPPED.
 */
public final class Runner {
  private final RunContext ctx;
  private final Budget budget;
  private final Limiters limiters;

  public Runner(RunContext ctx) {
    this.ctx = ctx;
    this.budget = new Budget(ctx.plan().suite().limits().maxCostUsd());
    this.limiters = Limiters.of(ctx.plan().suite().limits(), ctx.ticker());
  }

  /** Runs the whole plan; returns how it ended. Results are in the context's sinks. */
  public RunStatus run() throws InterruptedException {
    Plan plan = ctx.plan();
    Iterations its = plan.suite().iterations();
    long t0 = ctx.ticker().nanos();
    CallExecutor executor =
        new CallExecutor(ctx, limiters, new RetryPolicy(plan.suite().retries()), budget, t0);
    ctx.progress().started(plan.totalCalls());
    ExecutorService threads = WorkerThreads.newExecutor("pitwall-call");
    try {
      for (int i = 0; i < its.total(); i++) {
        Phase phase = i < its.warmup() ? Phase.WARMUP : Phase.MEASUREMENT;
        IterationCalls calls = new IterationCalls(plan, i, phase);
        ctx.progress().iterationStarted(i + 1, its.total(), phase == Phase.WARMUP);
        long startMs = nowEpochMs(t0);
        if (ctx.stop().isStopped() || budget.exhausted()) {
          skipAll(executor, calls);
        } else if (plan.suite().load().mode() == LoadMode.CLOSED) {
          runClosed(executor, threads, calls);
        } else {
          runOpen(executor, threads, calls, i);
        }
        if (phase == Phase.MEASUREMENT) {
          ctx.metrics().endIteration(startMs, nowEpochMs(t0));
        }
      }
    } finally {
      threads.shutdownNow();
      ctx.progress().finished();
    }
    if (ctx.stop().isStopped()) {
      return RunStatus.INTERRUPTED;
    }
    return budget.exhausted() ? RunStatus.BUDGET_EXHAUSTED : RunStatus.COMPLETE;
  }

  /** Money spent so far, USD. */
  public Budget budget() {
    return budget;
  }

  /** Total time calls waited on rate limits, nanoseconds. */
  public long rateLimitWaitNanos() {
    return limiters.waitedNanos();
  }

  /** N workers, each taking the next call of the iteration as soon as its last one ended. */
  private void runClosed(CallExecutor executor, ExecutorService threads, IterationCalls calls)
      throws InterruptedException {
    int workers = (int) Math.min(ctx.plan().suite().load().concurrency(), calls.size());
    CountDownLatch done = new CountDownLatch(workers);
    AtomicLong next = new AtomicLong();
    InFlight inFlight = new InFlight();
    for (int w = 0; w < workers; w++) {
      inFlight.submit(
          threads,
          () -> {
            try {
              for (long k = next.getAndIncrement(); k < calls.size(); k = next.getAndIncrement()) {
                PlannedCall call = calls.get(k);
                if (ctx.stop().isStopped() || budget.exhausted()) {
                  skip(executor, call);
                } else {
                  executor.execute(call, ctx.ticker().nanos());
                }
              }
            } finally {
              done.countDown();
            }
          });
    }
    awaitWithGrace(done, inFlight);
  }

  /**
   * One dispatcher fires each call at its scheduled time on a thread of its own, whether or not
   * earlier calls have ended: the offered rate never bends to the target's speed.
   */
  private void runOpen(
      CallExecutor executor, ExecutorService threads, IterationCalls calls, int iteration)
      throws InterruptedException {
    Load load = ctx.plan().suite().load();
    Schedule schedule =
        switch (load.arrival()) {
          case CONSTANT -> Schedule.constant(load.ratePerSecond());
          case POISSON -> Schedule.poisson(load.ratePerSecond(), load.seed() + iteration);
        };
    CountDownLatch done = new CountDownLatch(Math.toIntExact(calls.size()));
    InFlight inFlight = new InFlight();
    long start = ctx.ticker().nanos();
    long k = 0;
    try {
      for (; k < calls.size(); k++) {
        PlannedCall call = calls.get(k);
        long fireAt = start + schedule.nextFireTimeNs();
        if (!waitUntil(fireAt) || budget.exhausted()) {
          break;
        }
        inFlight.submit(
            threads,
            () -> {
              try {
                executor.execute(call, fireAt);
              } finally {
                done.countDown();
              }
            });
      }
    } finally {
      for (; k < calls.size(); k++) {
        skip(executor, calls.get(k));
        done.countDown();
      }
    }
    awaitWithGrace(done, inFlight);
  }

  /** Sleeps until the raw ticker time; false when a stop arrived first. */
  private boolean waitUntil(long rawNanos) throws InterruptedException {
    long wait = rawNanos - ctx.ticker().nanos();
    if (wait > 0) {
      return !ctx.stop().await(wait, TimeUnit.NANOSECONDS);
    }
    return !ctx.stop().isStopped();
  }

  /**
   * Waits for the calls of an iteration. After a stop, calls in flight get the grace period, then
   * are interrupted: the client ends them as CANCELLED.
   */
  private void awaitWithGrace(CountDownLatch done, InFlight inFlight) throws InterruptedException {
    while (!done.await(50, TimeUnit.MILLISECONDS)) {
      if (ctx.stop().isStopped()) {
        if (!done.await(ctx.grace().toMillis(), TimeUnit.MILLISECONDS)) {
          inFlight.cancelAll();
          done.await();
        }
        return;
      }
    }
  }

  private void skip(CallExecutor executor, PlannedCall call) {
    executor.skip(
        call,
        ctx.stop().isStopped() ? Outcome.CANCELLED : Outcome.BUDGET_STOPPED,
        ctx.stop().isStopped() ? ctx.stop().reason() : "max_cost_usd reached");
  }

  private void skipAll(CallExecutor executor, IterationCalls calls) {
    for (long k = 0; k < calls.size(); k++) {
      skip(executor, calls.get(k));
    }
  }

  private long nowEpochMs(long t0) {
    return ctx.startEpochMs() + (ctx.ticker().nanos() - t0) / 1_000_000;
  }
}
