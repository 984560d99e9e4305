package dev.pitwall.runner;

import dev.pitwall.metrics.Phase;
import dev.pitwall.suite.Cell;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Plan;
import dev.pitwall.time.Ticker;
import java.util.List;

/**
 * The calls of one iteration, computed from their index instead of stored: a million-call iteration
 * costs no memory until each call is made. The order follows {@link Plan#callOrder}: rounds over
 * the cells — call k of every cell before call k+1 of any — each iteration's rounds starting one
 * cell later, so drift of the target touches every cell alike and no cell is always first. Call ids
 * run from 1 across the whole run. A time-bound iteration also has a deadline.
 */
final class IterationCalls {
  private final List<Cell> cells;
  private final long size;
  private final long firstId;
  private final int iterationIndex;
  private final Phase phase;
  private final Ticker ticker;
  private final long deadlineNs;
  private final boolean timeBound;

  IterationCalls(Plan plan, int iterationIndex, Phase phase, Ticker ticker) {
    Iterations its = plan.suite().iterations();
    this.cells = plan.cells();
    this.size = (long) cells.size() * its.calls();
    this.firstId = its.isTimeBound() ? 0 : iterationIndex * size + 1;
    this.iterationIndex = iterationIndex;
    this.phase = phase;
    this.ticker = ticker;
    this.timeBound = its.isTimeBound();
    this.deadlineNs =
        timeBound ? ticker.nanos() + its.duration().toNanos() : ticker.nanos() + Long.MAX_VALUE / 2;
  }

  long size() {
    return size;
  }

  boolean timeBound() {
    return timeBound;
  }

  long deadlineNanos() {
    return deadlineNs;
  }

  boolean timeIsUp() {
    return timeBound && ticker.nanos() - deadlineNs >= 0;
  }

  /**
   * The k-th call. Ids of count-bound iterations are fixed by the plan; those of a time-bound
   * iteration (whose count is unknown in advance) are its iteration number × 10^9 + k + 1.
   */
  PlannedCall get(long k) {
    if (k < 0 || k >= size) {
      throw new IndexOutOfBoundsException(k);
    }
    int n = cells.size();
    Cell cell = cells.get((int) ((k % n + iterationIndex) % n));
    long id = timeBound ? (iterationIndex + 1) * 1_000_000_000L + k + 1 : firstId + k;
    return new PlannedCall(id, cell, iterationIndex + 1, phase);
  }
}
