package dev.pitwall.runner;

import dev.pitwall.client.GenerationInfo;
import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.CallSink;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.TokenSource;
import dev.pitwall.time.Sleeper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Completes records with OpenRouter's own record of the generation ({@code GET /generation}), after
 * the call and off its timed path: one background thread takes ended attempts from a bounded queue,
 * one look-up at a time, at most {@link #MAX_PER_SECOND} a second, and writes each record to
 * requests.csv once completed. Two kinds of attempt wait for it: every attempt with a generation id
 * when the suite sets {@code generation_stats} (its server-side latency and generation time), and
 * an attempt cut off by a timeout or a cancellation before its usage came, which the provider may
 * still bill. An attempt whose response named no cost takes OpenRouter's, and the difference from
 * the estimate (if any) goes to the budget and the series. The metrics get each record at once, so
 * iterations keep their own calls; only the late cost follows. A full queue or a failed look-up
 * writes the record as it was: the run never waits on this. {@link #finish} drains the queue before
 * the run's files are closed; after a stop (Ctrl-C) it writes the rest without asking.
 */
final class GenerationStats {
  static final int MAX_PER_SECOND = 10;
  static final int QUEUE = 10_000;

  /** Put on the queue by {@link #finish}: nothing comes after it. */
  private static final CallRecord END =
      CallRecord.builder().cellId("end").model("end").outcome(Outcome.CANCELLED).build();

  private final GenerationLookup lookup;
  private final boolean everyCall;
  private final CallSink requests;
  private final RunMetrics metrics;
  private final Budget budget;
  private final Sleeper sleeper;
  private final StopSignal stop;
  private final BlockingQueue<CallRecord> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread worker;

  /**
   * @param lookup null when the target keeps no generation records (not OpenRouter)
   * @param everyCall the suite's {@code generation_stats}
   */
  GenerationStats(
      GenerationLookup lookup,
      boolean everyCall,
      CallSink requests,
      RunMetrics metrics,
      Budget budget,
      Sleeper sleeper,
      StopSignal stop) {
    this.lookup = lookup;
    this.everyCall = everyCall;
    this.requests = requests;
    this.metrics = metrics;
    this.budget = budget;
    this.sleeper = sleeper;
    this.stop = stop;
    this.worker = lookup == null ? null : new Thread(this::drain, "pitwall-generation");
    if (worker != null) {
      worker.setDaemon(true);
      worker.start();
    }
  }

  /** Whether OpenRouter's record of this attempt is worth asking for. */
  boolean wants(CallRecord r) {
    if (lookup == null || r.generationId() == null) {
      return false;
    }
    boolean cutOff = r.outcome() == Outcome.TIMEOUT || r.outcome() == Outcome.CANCELLED;
    return everyCall || (cutOff && !billedByServer(r));
  }

  /** Writes the record to requests.csv: now, or once its look-up is done. */
  void write(CallRecord r) {
    if (!wants(r) || !queue.offer(r)) {
      requests.accept(r);
    }
  }

  /** Waits until every queued record is completed and written. */
  void finish() throws InterruptedException {
    if (worker != null) {
      queue.put(END);
      worker.join();
    }
  }

  private void drain() {
    long spacing = 1_000_000_000L / MAX_PER_SECOND;
    try {
      for (CallRecord r = queue.take(); r != END; r = queue.take()) {
        if (stop.isStopped()) {
          requests.accept(r); // Ctrl-C: write what there is without asking
          continue;
        }
        requests.accept(complete(r));
        sleeper.sleepNanos(spacing);
      }
    } catch (InterruptedException e) {
      // the run is over: what is left is written as it was
      queue.forEach(r -> requests.accept(r));
      Thread.currentThread().interrupt();
    }
  }

  private CallRecord complete(CallRecord r) throws InterruptedException {
    Optional<GenerationInfo> found;
    try {
      found = lookup.find(r.generationId());
    } catch (IOException e) {
      return r;
    }
    if (found.isEmpty()) {
      return r;
    }
    GenerationInfo g = found.get();
    CallRecord.Builder b = r.toBuilder();
    if (everyCall) {
      b.generationStats(g.latencyMs(), g.generationTimeMs());
    }
    BigDecimal billed = g.userCost();
    if (!billedByServer(r) && billed != null) {
      // the response named no cost (cut off before its usage): estimated or none until now
      BigDecimal extra = billed.subtract(r.costUsd() == null ? BigDecimal.ZERO : r.costUsd());
      b.costUsd(billed);
      budget.add(extra);
      metrics.addLateCost(r, extra);
    }
    return b.build();
  }

  /** The attempt's cost came from the response's usage, not from list prices or nowhere. */
  private static boolean billedByServer(CallRecord r) {
    return r.tokenSource() == TokenSource.SERVER && r.costUsd() != null;
  }
}
