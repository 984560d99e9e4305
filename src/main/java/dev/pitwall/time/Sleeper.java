package dev.pitwall.time;

/**
 * Waits for a number of nanoseconds. Rate limiters and retry policies compute a wait and hand it to
 * a {@code Sleeper}; tests record the waits instead of sleeping (as openai-java's Sleeper).
 */
@FunctionalInterface
public interface Sleeper {
  void sleepNanos(long nanos) throws InterruptedException;

  static Sleeper system() {
    return SystemSleeper.INSTANCE;
  }
}
