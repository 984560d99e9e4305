package dev.pitwall.bench;

import org.HdrHistogram.Histogram;

/** The percentile line the timing benchmarks print, from a histogram of nanoseconds. */
public final class LatenessLine {
  private LatenessLine() {}

  /** "p50 … p90 … p99 … p99.9 … max …" in milliseconds, three decimals. */
  public static String of(Histogram nanos) {
    return String.format(
        "p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f",
        nanos.getValueAtPercentile(50) / 1e6,
        nanos.getValueAtPercentile(90) / 1e6,
        nanos.getValueAtPercentile(99) / 1e6,
        nanos.getValueAtPercentile(99.9) / 1e6,
        nanos.getMaxValue() / 1e6);
  }
}
