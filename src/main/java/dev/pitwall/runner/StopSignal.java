package dev.pitwall.runner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks a run to stop (Ctrl-C, a deadline): no new call is scheduled; calls in flight get a grace
 * period, then are cancelled. Thread-safe; a stop cannot be undone.
 */
public final class StopSignal {
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile String reason;

  public void stop(String why) {
    if (reason == null) {
      reason = why;
    }
    stopped.countDown();
  }

  public boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** Why the run was asked to stop, or null. */
  public String reason() {
    return reason;
  }

  /** Waits up to the timeout for a stop; true if stopped. */
  public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
    return stopped.await(timeout, unit);
  }
}
