package dev.pitwall.runfolder;

import dev.pitwall.metrics.CallRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What the per-call charts need of requests.csv, in bounded memory however many rows stream past: a
 * uniform sample of at most {@link #CAPACITY} rows (reservoir sampling, seeded, so a report redrawn
 * is the same; every row while the file is smaller), the attempts scheduled in each second of the
 * run (the offered rate, exact), and the number of rows seen. Feed it rows in file order.
 *
 * <p>Not thread-safe: one reader feeds it, then charts read it.
 */
public final class RowSample implements Consumer<CallRecord> {
  /** Enough points for a scatter to show its shape; 20,000 records take a few MB. */
  public static final int CAPACITY = 20_000;

  private final int capacity;
  private final List<CallRecord> rows = new ArrayList<>();
  private final SplittableRandom random = new SplittableRandom(42);
  private long[] perSecond = new long[64];
  private long seen;

  public RowSample() {
    this(CAPACITY);
  }

  RowSample(int capacity) {
    this.capacity = capacity;
  }

  /** A sample of rows already in memory (a run just merged, a test's fixture). */
  public static RowSample of(List<CallRecord> records) {
    RowSample s = new RowSample();
    records.forEach(s);
    return s;
  }

  @Override
  public void accept(CallRecord r) {
    seen++;
    if (rows.size() < capacity) {
      rows.add(r);
    } else {
      long slot = random.nextLong(seen);
      if (slot < capacity) {
        rows.set((int) slot, r);
      }
    }
    int second = (int) Math.min(Integer.MAX_VALUE - 1, (long) scheduledSeconds(r));
    if (second >= perSecond.length) {
      perSecond = Arrays.copyOf(perSecond, Math.max(second + 1, perSecond.length * 2));
    }
    perSecond[second]++;
  }

  /** When the attempt was meant to start (t_sched, else t_send), seconds from the run start. */
  public static double scheduledSeconds(CallRecord r) {
    long at = r.tSchedNs() != CallRecord.NONE ? r.tSchedNs() : r.tSendNs();
    return Math.max(0, at) / 1e9;
  }

  /** The sampled rows: every row, in file order, when no more than the capacity were seen. */
  public List<CallRecord> rows() {
    return List.copyOf(rows);
  }

  /** Rows seen in all. */
  public long seen() {
    return seen;
  }

  /** True when {@link #rows()} holds fewer rows than were seen. */
  public boolean sampled() {
    return seen > rows.size();
  }

  /** Attempts scheduled in each whole second of the run, up to the last one seen. */
  public long[] perSecond() {
    int last = perSecond.length - 1;
    while (last > 0 && perSecond[last] == 0) {
      last--;
    }
    return Arrays.copyOf(perSecond, seen == 0 ? 0 : last + 1);
  }
}
