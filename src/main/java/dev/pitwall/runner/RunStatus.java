package dev.pitwall.runner;

/** How a run ended. Anything but {@link #COMPLETE} marks the results partial. */
public enum RunStatus {
  COMPLETE,
  /** Stopped by a signal (Ctrl-C) or a caller; in-flight calls finished or were cancelled. */
  INTERRUPTED,
  /**
   * {@code max_cost_usd} reached, or OpenRouter answered 402 (no credits left): remaining calls
   * recorded as BUDGET_STOPPED.
   */
  BUDGET_EXHAUSTED,
  /** OpenRouter stopped accepting the key mid-run (401/403): remaining calls recorded CANCELLED. */
  KEY_REJECTED
}
