package dev.pitwall.runner;

import dev.pitwall.metrics.CallRecord;
import java.math.BigDecimal;

/**
 * Told of a run's progress, for a progress bar. Called from worker threads: must be thread-safe.
 */
public interface ProgressListener {
  ProgressListener NONE = new ProgressListener() {};

  /**
   * @param plannedCalls the calls the plan makes at most, or -1 when time decides (duration)
   */
  default void started(long plannedCalls) {}

  default void iterationStarted(int iteration, int of, boolean warmup) {}

  /** A call has reached its final attempt (retries are not counted twice). */
  default void callEnded(CallRecord last, BigDecimal spentUsd) {}

  default void finished() {}
}
