package dev.pitwall.runner;

import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.Phase;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Load;
import dev.pitwall.suite.LoadMode;
import dev.pitwall.suite.Plan;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Drives a plan: JMH-style iterations (warmup discarded, measurement scored), each a batch of
 * {@code calls} calls per cell in interleaved order, offered in closed loop (N workers) or open
 * loop (a schedule). Iterations are barriers: the next starts when every call of the last ended, so
 * each iteration's histograms hold exactly its own calls.
 *
 * <p>Every planned call ends in exactly one final record: calls never sent because of a stop or the
 * budget are recorded as CANCELLED or BUDGET_STOPPED. A time-bound iteration ({@code duration})
 * plans only the calls its time allows, so it records nothing for calls its time cut off.
 */
public final class Runner {
  /** How long before a fire time a call's thread stops parking and spins. */
  static final long SPIN_NANOS = 150_000;

  /**
   * How far ahead of its fire time an open-loop call is handed to its thread, which then waits out
   * the rest itself. Waking a parked thread takes 0.1 ms at best and several milliseconds when both
   * cores are busy; handing over early keeps that wake-up out of the dispatch delay.
   */
  static final long HANDOFF_LEAD_NANOS = 2_000_000;

  /**
   * Whether an open-loop call that must wait for its time gets a second thread racing to send it. A
   * virtual CPU of a cloud VM stalls for 1–10 ms a few times a second, mostly not both at once
   * (docs/performance.md); the thread on the other CPU then sends on time. Pointless on one CPU.
   */
  static final boolean RACE = Runtime.getRuntime().availableProcessors() > 1;

  private final RunContext ctx;
  private final Budget budget;
  private final Halt halt = new Halt();
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
    GenerationStats generations =
        new GenerationStats(
            ctx.generations(),
            plan.suite().generationStats(),
            ctx.requests(),
            ctx.metrics(),
            budget,
            ctx.sleeper(),
            ctx.stop());
    CallExecutor executor =
        new CallExecutor(
            ctx, limiters, new RetryPolicy(plan.suite().retries()), budget, halt, generations, t0);
    ctx.progress().started(its.calls() == Iterations.UNBOUNDED ? -1 : plan.totalCalls());
    ExecutorService threads = WorkerThreads.newExecutor("pitwall-call");
    try {
      for (int i = 0; i < its.total(); i++) {
        Phase phase = i < its.warmup() ? Phase.WARMUP : Phase.MEASUREMENT;
        IterationCalls calls = new IterationCalls(plan, i, phase, ctx.ticker());
        ctx.progress().iterationStarted(i + 1, its.total(), phase == Phase.WARMUP);
        long startMs = nowEpochMs(t0);
        if (!executor.mayStart()) {
          if (!calls.timeBound()) {
            skipAll(executor, calls);
          }
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
      generations.finish();
      ctx.progress().finished();
    }
    if (ctx.stop().isStopped()) {
      return RunStatus.INTERRUPTED;
    }
    if (halt.halted()) {
      return halt.cause().status();
    }
    return budget.exhausted() ? RunStatus.BUDGET_EXHAUSTED : RunStatus.COMPLETE;
  }

  /** Why the target halted the run (a 402, a rejected key), or null when it did not. */
  public String haltReason() {
    return halt.reason();
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
    AtomicLong next = new AtomicLong();
    InFlight inFlight = new InFlight(workers);
    for (int w = 0; w < workers; w++) {
      inFlight.submit(
          threads,
          () -> {
            for (long k = next.getAndIncrement(); k < calls.size(); k = next.getAndIncrement()) {
              if (calls.timeIsUp()) {
                return;
              }
              PlannedCall call = calls.get(k);
              if (!executor.mayStart()) {
                if (calls.timeBound()) {
                  return;
                }
                executor.skipUnsent(call);
              } else {
                executor.execute(call, ctx.ticker().nanos());
              }
            }
          },
          () -> false);
    }
    awaitWithGrace(inFlight);
  }

  /**
   * One dispatcher fires each call at its scheduled time on a thread of its own, whether or not
   * earlier calls have ended: the offered rate never bends to the target's speed. When the suite's
   * concurrency cap is reached the dispatcher waits, and the wait shows as dispatch delay in the
   * scheduled figures instead of vanishing (coordinated omission). A call's thread whose call ended
   * takes the next call itself when that one is already due ({@link OpenCalls}).
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
    InFlight inFlight = new InFlight(load.concurrency());
    OpenCalls open = new OpenCalls(calls, schedule, ctx.ticker().nanos());
    while (true) {
      OptionalLong nextAt = open.nextFireAt();
      if (nextAt.isEmpty()) {
        break; // all taken, or the iteration's time is up (calls in flight end inside it)
      }
      long fireAt = nextAt.getAsLong();
      if (!waitUntil(fireAt - HANDOFF_LEAD_NANOS, 0, () -> false) || !executor.mayStart()) {
        break;
      }
      if (!inFlight.acquire(() -> ctx.stop().isStopped())) {
        break;
      }
      OpenCalls.Taken next = open.take(ctx.ticker().nanos() + HANDOFF_LEAD_NANOS);
      if (next == null) {
        inFlight.release(); // an ending call took it: look at the one after
        continue;
      }
      AtomicBoolean claimed = new AtomicBoolean();
      Runnable sender =
          () -> {
            if (fireAt(executor, next.call(), next.fireAt(), SPIN_NANOS, claimed)) {
              carryOn(executor, open);
            }
          };
      List<Runnable> racers =
          RACE && next.fireAt() - ctx.ticker().nanos() > SPIN_NANOS
              ? List.of(sender, () -> fireAt(executor, next.call(), next.fireAt(), 0, claimed))
              : List.of(sender);
      inFlight.start(threads, racers);
    }
    long k = open.close();
    if (!calls.timeBound()) {
      for (; k < calls.size(); k++) {
        executor.skipUnsent(calls.get(k));
      }
    }
    awaitWithGrace(inFlight);
  }

  /**
   * On the thread of a call that just ended, keeping its place among the calls in flight: makes the
   * next calls that are already due, late as they are. When the target keeps up no call is due yet
   * (the dispatcher takes each ahead of its time) and this returns at once; when calls in flight
   * are at the cap, it spares the dispatcher's wake-up and a new thread's for each call.
   */
  private void carryOn(CallExecutor executor, OpenCalls open) {
    while (!Thread.currentThread().isInterrupted() && executor.mayStart()) {
      OpenCalls.Taken next = open.take(ctx.ticker().nanos());
      if (next == null) {
        return;
      }
      executor.execute(next.call(), next.fireAt());
    }
  }

  /**
   * On a thread of a call's own: waits for its fire time, then makes it (or records it cancelled),
   * unless a racer did first. The first racer spins its last {@code spinNanos} to leave on time;
   * the second only parks, costing no CPU, and wins when the first one's CPU stalled. True when
   * this racer made the call.
   */
  private boolean fireAt(
      CallExecutor executor, PlannedCall call, long fireAt, long spinNanos, AtomicBoolean claimed) {
    boolean due;
    try {
      due = waitUntil(fireAt, spinNanos, claimed::get);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      due = false;
    }
    if (!claimed.compareAndSet(false, true)) {
      return false;
    }
    if (due) {
      executor.execute(call, fireAt);
      return true;
    }
    executor.skip(
        call, Outcome.CANCELLED, ctx.stop().isStopped() ? ctx.stop().reason() : "cancelled");
    return false;
  }

  /**
   * Waits until the raw ticker time; false when a stop arrived first. Parking wakes 0.1–0.2 ms late
   * on Linux (timer slack), so the thread parks until {@code spinNanos} before the time and spins
   * the rest: the call leaves on time, at the price of a short spin. A spin ends early once {@code
   * moot}.
   */
  private boolean waitUntil(long rawNanos, long spinNanos, BooleanSupplier moot)
      throws InterruptedException {
    long wait = rawNanos - ctx.ticker().nanos();
    if (wait > spinNanos && ctx.stop().await(wait - spinNanos, TimeUnit.NANOSECONDS)) {
      return false;
    }
    while (spinNanos > 0 && rawNanos - ctx.ticker().nanos() > 0) {
      if (ctx.stop().isStopped() || moot.getAsBoolean()) {
        return false;
      }
      Thread.onSpinWait();
    }
    return !ctx.stop().isStopped();
  }

  /**
   * Waits for the calls of an iteration. After a stop, calls in flight get the grace period, then
   * are interrupted: the client ends them as CANCELLED.
   */
  private void awaitWithGrace(InFlight inFlight) throws InterruptedException {
    while (!inFlight.awaitIdle(50, TimeUnit.MILLISECONDS)) {
      if (ctx.stop().isStopped()) {
        if (!inFlight.awaitIdle(ctx.grace().toMillis(), TimeUnit.MILLISECONDS)) {
          inFlight.cancelAll();
          inFlight.awaitIdle(Long.MAX_VALUE / 2, TimeUnit.MILLISECONDS);
        }
        return;
      }
    }
  }

  private void skipAll(CallExecutor executor, IterationCalls calls) {
    for (long k = 0; k < calls.size(); k++) {
      executor.skipUnsent(calls.get(k));
    }
  }

  private long nowEpochMs(long t0) {
    return ctx.startEpochMs() + (ctx.ticker().nanos() - t0) / 1_000_000;
  }
}
