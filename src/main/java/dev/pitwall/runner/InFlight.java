package dev.pitwall.runner;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The calls of an iteration still running: at most {@code limit} at once (a call is one task, or
 * the threads racing to send it), each leaving when it ends, so memory follows the calls in flight,
 * never the calls made. A stop can wait for them to drain, or cancel them.
 */
final class InFlight {
  private final Semaphore permits;
  private final Set<Future<?>> running = ConcurrentHashMap.newKeySet();
  private int count;

  InFlight(int limit) {
    this.permits = new Semaphore(limit);
  }

  /**
   * Starts a task once fewer than the limit are running; false (task not started) when {@code
   * giveUp} turns true while waiting for room.
   */
  boolean submit(ExecutorService threads, Runnable task, BooleanSupplier giveUp)
      throws InterruptedException {
    return submit(threads, List.of(task), giveUp);
  }

  /**
   * Starts tasks that together do one job, each on a thread of its own (the racers of one call):
   * they take one place of the limit, given back when the last of them ends.
   */
  boolean submit(ExecutorService threads, List<Runnable> tasks, BooleanSupplier giveUp)
      throws InterruptedException {
    if (!acquire(giveUp)) {
      return false;
    }
    start(threads, tasks);
    return true;
  }

  /**
   * Takes a place once fewer than the limit are running; false (no place taken) when {@code giveUp}
   * turns true while waiting for room. The place is given back by {@link #release}, or by the tasks
   * {@link #start}ed in it.
   */
  boolean acquire(BooleanSupplier giveUp) throws InterruptedException {
    while (!permits.tryAcquire(20, TimeUnit.MILLISECONDS)) {
      if (giveUp.getAsBoolean()) {
        return false;
      }
    }
    return true;
  }

  /** Gives back a place taken by {@link #acquire} and not used. */
  void release() {
    permits.release();
  }

  /** Starts, in a place taken by {@link #acquire}, tasks that together do one job. */
  void start(ExecutorService threads, List<Runnable> tasks) {
    synchronized (this) {
      count++;
    }
    AtomicInteger left = new AtomicInteger(tasks.size());
    for (Runnable task : tasks) {
      FutureTask<Void> future = new FutureTask<>(task, null);
      running.add(future);
      threads.execute(
          () -> {
            try {
              future.run();
            } finally {
              running.remove(future);
              if (left.decrementAndGet() == 0) {
                ended();
              }
            }
          });
    }
  }

  private void ended() {
    permits.release();
    synchronized (this) {
      if (--count == 0) {
        notifyAll();
      }
    }
  }

  /** Waits until nothing runs; false if the timeout passed first. */
  synchronized boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.currentTimeMillis() + unit.toMillis(timeout);
    while (count > 0) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  /** Interrupts every task still running; the client ends their calls as CANCELLED. */
  void cancelAll() {
    running.forEach(f -> f.cancel(true));
  }
}
