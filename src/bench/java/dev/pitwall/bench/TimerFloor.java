package dev.pitwall.bench;

import dev.pitwall.time.Ticker;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The machine's own timing floor, for reading the benchmarks' lateness figures: one thread that
 * does nothing but wake at absolute 1 ms deadlines and records how late each wake-up is. A stall of
 * the whole virtual machine, the kernel's scheduler or this JVM shows here as it shows in the
 * simulator's token timing and the runner's dispatch delay. It is a floor for sparse schedules (the
 * runner's 1,000 calls/s), not for dense ones: a virtual CPU that halts between wake-ups 1 ms apart
 * is slower to come back than one woken every 0.1 ms, so the simulator's 10,000 token events/s have
 * a lower floor, measured by {@code src/bench/c/looppair.c}.
 *
 * <p>By default it only parks, so each wake-up is also 0.05–0.1 ms late by the kernel's timer
 * slack, and it costs almost no CPU. Even so, its JVM waking every millisecond beside a timing run
 * raised that run's p99 (docs/performance.md), so {@code bench-harness.sh} runs it after each step;
 * {@code bench-sim.sh}, whose figures it did not move, beside. With {@code spin} it parks until 150
 * µs before each deadline and spins the rest, as pitwall's dispatcher does: exact, but it takes 15
 * % of a CPU.
 *
 * <p>With {@code race}, two threads wake at the same deadlines and the earlier of each pair is
 * reported beside one thread alone: what the runner gains by racing two threads to each call.
 *
 * <p>Args: seconds [startDelaySeconds] [park|spin|race]. Prints one line (three with race).
 */
public final class TimerFloor {
  private static final long TICK_NANOS = 1_000_000L;
  private static final long SPIN_NANOS = 150_000L;

  private TimerFloor() {}

  public static void main(String[] args) throws InterruptedException {
    int seconds = Integer.parseInt(args[0]);
    long startDelay = args.length > 1 ? Long.parseLong(args[1]) : 0;
    String mode = args.length > 2 ? args[2] : "park";
    long spinNanos = mode.equals("spin") ? SPIN_NANOS : 0;
    Thread.sleep(startDelay * 1000);
    int ticks = seconds * 1000;
    if (!mode.equals("race")) {
      long[] late = wake(ticks, spinNanos, Ticker.system().nanos());
      System.out.printf(
          "timer floor (a thread waking every 1 ms, nothing else, %s): %d wake-ups, late ms: %s%n",
          spinNanos > 0 ? "park + spin" : "park only", ticks, LatenessLine.of(histogram(late)));
      return;
    }
    // Two threads wake at the same deadlines; the earlier of each pair is what the runner's racing
    // threads get. Both from the same seconds, so the machine's mood does not favour either line.
    long start = Ticker.system().nanos() + 100_000_000L;
    long[][] late = new long[2][];
    Thread[] threads = new Thread[2];
    for (int t = 0; t < 2; t++) {
      int which = t;
      threads[t] = new Thread(() -> late[which] = wake(ticks, 0, start));
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long[] earlier = new long[ticks];
    for (int i = 0; i < ticks; i++) {
      earlier[i] = Math.min(late[0][i], late[1][i]);
    }
    System.out.printf(
        "timer floor, one thread:        late ms: %s%n", LatenessLine.of(histogram(late[0])));
    System.out.printf(
        "timer floor, earlier of two:    late ms: %s%n", LatenessLine.of(histogram(earlier)));
    System.out.printf(
        "wake-ups over 1 ms late: one thread %d, earlier of two %d%n",
        overOneMs(late[0]), overOneMs(earlier));
  }

  /** Wakes at {@code ticks} 1 ms deadlines after {@code start}; how late each wake-up was. */
  private static long[] wake(int ticks, long spinNanos, long start) {
    Ticker ticker = Ticker.system();
    long[] late = new long[ticks];
    for (int i = 0; i < ticks; i++) {
      long due = start + (i + 1) * TICK_NANOS;
      long wait;
      while ((wait = due - ticker.nanos()) > spinNanos) {
        LockSupport.parkNanos(wait - spinNanos);
      }
      long now;
      while ((now = ticker.nanos()) < due) {
        Thread.onSpinWait();
      }
      late[i] = now - due;
    }
    return late;
  }

  private static Histogram histogram(long[] late) {
    Histogram h = new Histogram(60_000_000_000L, 3);
    for (long v : late) {
      h.recordValue(v);
    }
    return h;
  }

  private static long overOneMs(long[] late) {
    return Arrays.stream(late).filter(v -> v > TICK_NANOS).count();
  }
}
