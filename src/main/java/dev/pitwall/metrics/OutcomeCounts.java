package dev.pitwall.metrics;

import java.util.Arrays;

/** Attempts per {@link Outcome}. Immutable; build with {@link #plus}. */
public final class OutcomeCounts {
  private static final Outcome[] OUTCOMES = Outcome.values();
  public static final OutcomeCounts EMPTY = new OutcomeCounts(new long[OUTCOMES.length]);

  private final long[] counts;

  private OutcomeCounts(long[] counts) {
    this.counts = counts;
  }

  public static OutcomeCounts of(long[] countsByOrdinal) {
    if (countsByOrdinal.length != OUTCOMES.length) {
      throw new IllegalArgumentException("need one count per outcome");
    }
    return new OutcomeCounts(countsByOrdinal.clone());
  }

  public OutcomeCounts plus(Outcome outcome, long n) {
    long[] next = counts.clone();
    next[outcome.ordinal()] += n;
    return new OutcomeCounts(next);
  }

  public OutcomeCounts plus(OutcomeCounts other) {
    long[] next = counts.clone();
    for (int i = 0; i < next.length; i++) {
      next[i] += other.counts[i];
    }
    return new OutcomeCounts(next);
  }

  public long get(Outcome outcome) {
    return counts[outcome.ordinal()];
  }

  /** All attempts, whatever their outcome. */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  /** Attempts that reached the target: all but CANCELLED and BUDGET_STOPPED. */
  public long attempted() {
    return total() - get(Outcome.CANCELLED) - get(Outcome.BUDGET_STOPPED);
  }

  public long failures() {
    long n = 0;
    for (Outcome o : OUTCOMES) {
      if (o.isFailure()) {
        n += get(o);
      }
    }
    return n;
  }

  /** failed ÷ attempted (throttling excluded), or 0 when nothing was attempted. */
  public double errorRate() {
    long attempted = attempted();
    return attempted == 0 ? 0 : (double) failures() / attempted;
  }

  public double throttleRate() {
    long attempted = attempted();
    return attempted == 0 ? 0 : (double) get(Outcome.THROTTLED) / attempted;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutcomeCounts other && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (Outcome o : OUTCOMES) {
      if (get(o) > 0) {
        sb.append(sb.length() > 1 ? ", " : "").append(o).append('=').append(get(o));
      }
    }
    return sb.append('}').toString();
  }
}
