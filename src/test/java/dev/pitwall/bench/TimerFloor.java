package dev.pitwall.bench;

import dev.pitwall.time.Ticker;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The machine's own timing floor, for reading the benchmarks' lateness figures: one thread that
 * does nothing but wake at absolute 1 ms deadlines (park, then a 150 µs spin, as pitwall's
 * dispatcher does) and records how late each wake-up is. A stall of the whole virtual machine, the
 * kernel's scheduler or this JVM shows here as it shows in the simulator's token timing and the
 * runner's dispatch delay; run beside them, it tells what no code of ours can beat.
 *
 * <p>Args: seconds [startDelaySeconds]. Prints one line.
 */
public final class TimerFloor {
  private static final long TICK_NANOS = 1_000_000L;
  private static final long SPIN_NANOS = 150_000L;

  private TimerFloor() {}

  public static void main(String[] args) throws InterruptedException {
    int seconds = Integer.parseInt(args[0]);
    long startDelay = args.length > 1 ? Long.parseLong(args[1]) : 0;
    Thread.sleep(startDelay * 1000);
    Ticker ticker = Ticker.system();
    Histogram lateness = new Histogram(60_000_000_000L, 3);
    long start = ticker.nanos();
    for (long i = 1; i <= seconds * 1000L; i++) {
      long due = start + i * TICK_NANOS;
      long wait;
      while ((wait = due - ticker.nanos()) > SPIN_NANOS) {
        LockSupport.parkNanos(wait - SPIN_NANOS);
      }
      long now;
      while ((now = ticker.nanos()) < due) {
        Thread.onSpinWait();
      }
      lateness.recordValue(now - due);
    }
    System.out.printf(
        "timer floor (a thread waking every 1 ms, nothing else): %d wake-ups, late ms: %s%n",
        lateness.getTotalCount(), LatenessLine.of(lateness));
  }
}
