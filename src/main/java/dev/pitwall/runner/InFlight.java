package dev.pitwall.runner;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The tasks of an iteration still running, so a stop can cancel them after its grace period. A task
 * leaves the set when it ends: memory follows the calls in flight, not the calls made.
 */
final class InFlight {
  private final Set<Future<?>> running = ConcurrentHashMap.newKeySet();

  void submit(ExecutorService threads, Runnable task) {
    FutureTask<Void> future = new FutureTask<>(task, null);
    running.add(future);
    threads.execute(
        () -> {
          try {
            future.run();
          } finally {
            running.remove(future);
          }
        });
  }

  /** Interrupts every task still running; the client ends their calls as CANCELLED. */
  void cancelAll() {
    running.forEach(f -> f.cancel(true));
  }
}
