package dev.pitwall.runner;

/**
 * Decides, never waits: {@link #reserve} books capacity for {@code permits} and returns how many
 * nanoseconds the caller must wait before using it (0 = go now). The caller sleeps; tests just read
 * the returned waits (as Failsafe's {@code reservePermits}).
 *
 * <p>Thread-safe.
 */
public interface RateLimiter {
  /** Books {@code permits} (requests or tokens) and returns the wait in nanoseconds. */
  long reserve(long permits);

  RateLimiter UNLIMITED = permits -> 0L;
}
