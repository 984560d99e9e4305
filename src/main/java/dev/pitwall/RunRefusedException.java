package dev.pitwall;

/**
 * A run that pitwall refused to start, before any measured call: the target could not be reached or
 * rejected the key, or the plan may cost more than the suite's budget allows. The message says what
 * to change.
 */
public final class RunRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the run did not start. */
  public enum Reason {
    /** The target did not answer, or refused the API key. */
    UNREACHABLE,
    /** The pre-flight cost bound exceeds max_cost_usd (and over-budget runs were not allowed). */
    OVER_BUDGET
  }

  private final Reason reason;

  public RunRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
