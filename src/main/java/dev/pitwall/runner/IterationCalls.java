package dev.pitwall.runner;

import dev.pitwall.metrics.Phase;
import dev.pitwall.suite.Cell;
import dev.pitwall.suite.Plan;
import java.util.List;

/**
 * The calls of one iteration, computed from their index instead of stored: a million-call iteration
 * costs no memory until each call is made. The order interleaves cells — call k of every cell
 * before call k+1 of any — so a drift of the target during the iteration touches every cell alike.
 * Call ids run from 1 across the whole run.
 */
final class IterationCalls {
  private final List<Cell> cells;
  private final long size;
  private final long firstId;
  private final int iteration;
  private final Phase phase;

  IterationCalls(Plan plan, int iterationIndex, Phase phase) {
    this.cells = plan.cells();
    this.size = (long) plan.callsPerIteration();
    this.firstId = (long) iterationIndex * plan.callsPerIteration() + 1;
    this.iteration = iterationIndex + 1;
    this.phase = phase;
  }

  long size() {
    return size;
  }

  PlannedCall get(long k) {
    if (k < 0 || k >= size) {
      throw new IndexOutOfBoundsException(k);
    }
    return new PlannedCall(firstId + k, cells.get((int) (k % cells.size())), iteration, phase);
  }
}
