package dev.pitwall.bench;

import dev.pitwall.time.Ticker;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The machine's own timing floor, for reading the benchmarks' lateness figures: one thread that
 * does nothing but wake at absolute 1 ms deadlines and records how late each wake-up is. A stall of
 * the whole virtual machine, the kernel's scheduler or this JVM shows here as it shows in the
 * simulator's token timing and the runner's dispatch delay; run beside them, it tells what no code
 * of ours can beat.
 *
 * <p>By default it only parks, so each wake-up is also 0.05–0.1 ms late by the kernel's timer
 * slack, but it costs almost no CPU and so does not disturb the run it sits beside. With {@code
 * spin} it parks until 150 µs before each deadline and spins the rest, as pitwall's dispatcher
 * does: exact, but a spinning neighbour takes 15 % of a CPU from the run it measures.
 *
 * <p>Args: seconds [startDelaySeconds] [spin]. Prints one line.
 */
public final class TimerFloor {
  private static final long TICK_NANOS = 1_000_000L;
  private static final long SPIN_NANOS = 150_000L;

  private TimerFloor() {}

  public static void main(String[] args) throws InterruptedException {
    int seconds = Integer.parseInt(args[0]);
    long startDelay = args.length > 1 ? Long.parseLong(args[1]) : 0;
    long spinNanos = args.length > 2 && args[2].equals("spin") ? SPIN_NANOS : 0;
    Thread.sleep(startDelay * 1000);
    Ticker ticker = Ticker.system();
    Histogram lateness = new Histogram(60_000_000_000L, 3);
    long start = ticker.nanos();
    for (long i = 1; i <= seconds * 1000L; i++) {
      long due = start + i * TICK_NANOS;
      long wait;
      while ((wait = due - ticker.nanos()) > spinNanos) {
        LockSupport.parkNanos(wait - spinNanos);
      }
      long now;
      while ((now = ticker.nanos()) < due) {
        Thread.onSpinWait();
      }
      lateness.recordValue(now - due);
    }
    System.out.printf(
        "timer floor (a thread waking every 1 ms, nothing else, %s): %d wake-ups, late ms: %s%n",
        spinNanos > 0 ? "park + spin" : "park only",
        lateness.getTotalCount(),
        LatenessLine.of(lateness));
  }
}
