package dev.pitwall.time;

/**
 * The one source of monotonic time in pitwall. Every timestamp of a call (t_sched, t_send, t_first,
 * ...) is read from a {@code Ticker}, so tests can substitute a fake one and be exact and instant.
 */
@FunctionalInterface
public interface Ticker {
  /** Monotonic nanoseconds; only differences are meaningful. */
  long nanos();

  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}
