package dev.pitwall.runner;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open loop's calls not yet taken, in schedule order, shared by the dispatcher and the threads
 * of ending calls; each call is taken once, and none after {@link #close}.
 *
 * <p>Taking a call is one compare-and-set on the index of the next call, never a lock: at tens of
 * thousands of calls a second, 64 threads taking calls under one monitor queued behind whichever
 * holder the scheduler had just descheduled on a busy core (most of a run's lock waits were there).
 * The fire times come from the schedule, which is not thread-safe: it fills a window of the next
 * {@value #WINDOW} fire times at a time, under a lock, ahead of the calls that need them.
 */
final class OpenCalls {
  static final int WINDOW = 4096;

  /** The sign bit of {@link #next}: set by {@link #close}, after which nothing is taken. */
  private static final long CLOSED = Long.MIN_VALUE;

  private final IterationCalls calls;
  private final Schedule schedule;
  private final long start;
  private final AtomicLong next = new AtomicLong();
  private volatile Window window;

  /** A call of the open loop and the raw ticker time the schedule fires it at. */
  record Taken(PlannedCall call, long fireAt) {}

  /** The fire times (raw ticker) of calls {@code first} to {@code first + fireAt.length - 1}. */
  private record Window(long first, long[] fireAt) {
    boolean covers(long k) {
      return k - first >= 0 && k - first < fireAt.length;
    }

    long fireAtOf(long k) {
      return fireAt[(int) (k - first)];
    }
  }

  /**
   * @param start raw ticker time the schedule's times count from
   */
  OpenCalls(IterationCalls calls, Schedule schedule, long start) {
    this.calls = calls;
    this.schedule = schedule;
    this.start = start;
    this.window = fill(0);
  }

  /** The next call's fire time (raw ticker), or empty when none is left before the deadline. */
  OptionalLong nextFireAt() {
    while (true) {
      Window w = window; // read before the index: a window is published once the index reached it
      long k = next.get();
      if (!left(k)) {
        return OptionalLong.empty();
      }
      w = windowOf(w, k);
      if (w == null) {
        continue; // calls past k were taken meanwhile
      }
      long at = w.fireAtOf(k);
      return beforeDeadline(at) ? OptionalLong.of(at) : OptionalLong.empty();
    }
  }

  /** Takes the next call if it fires no later than {@code notAfter}; null otherwise. */
  Taken take(long notAfter) {
    while (true) {
      Window w = window;
      long k = next.get();
      if (!left(k)) {
        return null;
      }
      w = windowOf(w, k);
      if (w == null) {
        continue; // calls past k were taken meanwhile
      }
      long at = w.fireAtOf(k);
      if (!beforeDeadline(at) || at - notAfter > 0) {
        return null;
      }
      if (next.compareAndSet(k, k + 1)) {
        return new Taken(calls.get(k), at);
      }
    }
  }

  /** Nothing more is taken; returns the index of the first call not taken. */
  long close() {
    return next.getAndUpdate(k -> k | CLOSED) & ~CLOSED;
  }

  /** Not closed (the sign bit) and within the iteration's calls. */
  private boolean left(long k) {
    return k >= 0 && k < calls.size();
  }

  private boolean beforeDeadline(long at) {
    return at - calls.deadlineNanos() < 0;
  }

  /**
   * The window holding call k: {@code w}, read before k, when it holds it, else the newest one,
   * filled if no thread has yet; null when the newest has moved past k (other threads took k and
   * the calls after it while this one looked, so its k is out of date).
   */
  private Window windowOf(Window w, long k) {
    return w.covers(k) ? w : windowFor(k);
  }

  /**
   * The newest window, filled up to call k if no thread has yet. Windows follow each other: a call
   * is taken only once its window exists, so k is at most one past the newest window.
   */
  private synchronized Window windowFor(long k) {
    Window w = window;
    if (k - w.first < 0) {
      return null;
    }
    while (!w.covers(k)) {
      w = fill(w.first + w.fireAt.length);
      window = w;
    }
    return w;
  }

  /** The next fire times from the schedule, from call {@code first} on (at most to the last). */
  private Window fill(long first) {
    int length = (int) Math.max(1, Math.min(WINDOW, calls.size() - first));
    long[] fireAt = new long[length];
    for (int i = 0; i < length; i++) {
      fireAt[i] = start + schedule.nextFireTimeNs();
    }
    return new Window(first, fireAt);
  }
}
