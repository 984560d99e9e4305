package dev.pitwall.runner;

import dev.pitwall.metrics.Outcome;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stop the target forced on the run, as opposed to one a person asked for ({@link StopSignal}):
 * OpenRouter said the account has no credits left (402), or that the key is no longer accepted
 * (401, or a 403 that is not a moderation flag). Sending more calls would only collect the same
 * answer, so no new attempt starts; attempts in flight end on their own. The first cause wins.
 * Lock-free.
 */
public final class Halt {
  /** Why the run halted, with the outcome given to the calls it kept from being sent. */
  public enum Cause {
    /** HTTP 402: the rest are recorded BUDGET_STOPPED, as when max_cost_usd is reached. */
    NO_CREDITS(RunStatus.BUDGET_EXHAUSTED, Outcome.BUDGET_STOPPED),
    /** HTTP 401/403: the rest are recorded CANCELLED. */
    KEY_REJECTED(RunStatus.KEY_REJECTED, Outcome.CANCELLED);

    private final RunStatus status;
    private final Outcome unsent;

    Cause(RunStatus status, Outcome unsent) {
      this.status = status;
      this.unsent = unsent;
    }

    public RunStatus status() {
      return status;
    }

    /** The outcome recorded for planned calls never sent after the halt. */
    public Outcome unsent() {
      return unsent;
    }
  }

  private record State(Cause cause, String reason) {}

  private final AtomicReference<State> state = new AtomicReference<>();

  /**
   * The cause an attempt's HTTP status forces, or null: 402 stops for credits, 401 and 403 for the
   * key, except a 403 that flags the prompt (OpenRouter's moderation, error code {@code
   * moderation}), which concerns that prompt only.
   */
  public static Cause causeOf(int httpStatus, String errorCode) {
    return switch (httpStatus) {
      case 402 -> Cause.NO_CREDITS;
      case 401 -> Cause.KEY_REJECTED;
      case 403 -> "moderation".equals(errorCode) ? null : Cause.KEY_REJECTED;
      default -> null;
    };
  }

  /** Halts the run unless it already halted; {@code reason} is shown to people. */
  public void halt(Cause cause, String reason) {
    state.compareAndSet(null, new State(cause, reason));
  }

  public boolean halted() {
    return state.get() != null;
  }

  /** The cause, or null while the run goes on. */
  public Cause cause() {
    State s = state.get();
    return s == null ? null : s.cause();
  }

  /** Why the run halted, or null. */
  public String reason() {
    State s = state.get();
    return s == null ? null : s.reason();
  }
}
