package dev.pitwall.runner;

/** How a run ended. Anything but {@link #COMPLETE} marks the results partial. */
public enum RunStatus {
  COMPLETE,
  /** Stopped by a signal (Ctrl-C) or a caller; in-flight calls finished or were cancelled. */
  INTERRUPTED,
  /** {@code max_cost_usd} reached: remaining calls recorded as BUDGET_STOPPED. */
  BUDGET_EXHAUSTED
}
