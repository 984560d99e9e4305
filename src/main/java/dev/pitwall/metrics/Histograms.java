package dev.pitwall.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.HdrHistogram.Recorder;

/** The one histogram shape of pitwall: 3 significant digits, 1 µs to 1 hour (docs/metrics.md). */
public final class Histograms {
  /** One hour in microseconds; well beyond the 10 minutes a call may take. */
  public static final long HIGHEST_TRACKABLE = 3_600_000_000L;

  public static final int SIGNIFICANT_DIGITS = 3;

  private Histograms() {}

  /**
   * A histogram of this shape that keeps only its non-zero buckets (HdrHistogram's packed counts):
   * the same values and percentiles as a plain one, in memory proportional to what it holds rather
   * than 180 KB each. A run keeps one per series, metric and iteration, so plain ones made a
   * 12-series, 10-iteration report need 200 MB; recorders stay plain, for the hot path.
   */
  public static Histogram newHistogram() {
    return new PackedHistogram(1, HIGHEST_TRACKABLE, SIGNIFICANT_DIGITS);
  }

  /** A packed copy of {@code h}, with its tag and start and end stamps. */
  public static Histogram packed(Histogram h) {
    Histogram copy = newHistogram();
    copy.add(h);
    copy.setTag(h.getTag());
    copy.setStartTimeStamp(h.getStartTimeStamp());
    copy.setEndTimeStamp(h.getEndTimeStamp());
    return copy;
  }

  public static Recorder newRecorder() {
    return new Recorder(1, HIGHEST_TRACKABLE, SIGNIFICANT_DIGITS);
  }

  /** Records a value clamped into the trackable range, so an outlier never throws. */
  static void recordClamped(Recorder recorder, long value) {
    recorder.recordValue(Math.min(HIGHEST_TRACKABLE, Math.max(1, value)));
  }
}
