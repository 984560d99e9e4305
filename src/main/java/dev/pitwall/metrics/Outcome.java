package dev.pitwall.metrics;

/**
 * How one attempt ended. Every failure of the target is one of these values, never an exception in
 * the hot path (docs/metrics.md, Outcomes). {@link #THROTTLED} is counted apart from failures.
 */
public enum Outcome {
  OK,
  /** HTTP 429. */
  THROTTLED,
  /** Other 4xx. */
  CLIENT_ERROR,
  /** 5xx. */
  SERVER_ERROR,
  TIMEOUT,
  CONNECT_ERROR,
  /** An error event or a reset after a 200. */
  STREAM_ERROR,
  /** Unparseable, empty or truncated response. */
  INVALID,
  CANCELLED,
  BUDGET_STOPPED;

  public boolean isSuccess() {
    return this == OK;
  }

  /** A failure of the target: neither success, throttling, nor a stop decided by pitwall. */
  public boolean isFailure() {
    return switch (this) {
      case OK, THROTTLED, CANCELLED, BUDGET_STOPPED -> false;
      default -> true;
    };
  }
}
