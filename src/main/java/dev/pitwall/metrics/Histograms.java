package dev.pitwall.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** The one histogram shape of pitwall: 3 significant digits, 1 µs to 1 hour (docs/metrics.md). */
public final class Histograms {
  /** One hour in microseconds; well beyond the 10 minutes a call may take. */
  public static final long HIGHEST_TRACKABLE = 3_600_000_000L;

  public static final int SIGNIFICANT_DIGITS = 3;

  private Histograms() {}

  public static Histogram newHistogram() {
    return new Histogram(1, HIGHEST_TRACKABLE, SIGNIFICANT_DIGITS);
  }

  public static Recorder newRecorder() {
    return new Recorder(1, HIGHEST_TRACKABLE, SIGNIFICANT_DIGITS);
  }

  /** Records a value clamped into the trackable range, so an outlier never throws. */
  static void recordClamped(Recorder recorder, long value) {
    recorder.recordValue(Math.min(HIGHEST_TRACKABLE, Math.max(1, value)));
  }
}
