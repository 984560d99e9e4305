package dev.pitwall.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Lock-free recording for one series: one HdrHistogram {@link Recorder} per metric (writers never
 * block each other or the iteration flip), adders for counts. Only measurement attempts are
 * recorded here; warmup attempts go to requests.csv alone.
 */
final class SeriesRecorder {
  private volatile SeriesKey key;
  private volatile boolean labelFromResponse;
  private final Map<Metric, Recorder> recorders = new EnumMap<>(Metric.class);
  private final Map<Metric, Histogram> merged = new EnumMap<>(Metric.class);
  private final Map<Metric, List<Histogram>> intervals = new EnumMap<>(Metric.class);
  private final Map<Metric, Histogram> recycled = new EnumMap<>(Metric.class);
  private final Map<Metric, List<Double>> iterationScores = new EnumMap<>(Metric.class);
  private final AtomicLongArray outcomes = new AtomicLongArray(Outcome.values().length);
  private final LongAdder promptTokens = new LongAdder();
  private final LongAdder completionTokens = new LongAdder();
  private final LongAdder goodCalls = new LongAdder();
  private final LongAdder byokCalls = new LongAdder();
  private final Predicate<CallRecord> good;
  private final AtomicReference<BigDecimal> cost = new AtomicReference<>(BigDecimal.ZERO);

  SeriesRecorder(SeriesKey key, Predicate<CallRecord> good) {
    this.key = key;
    this.good = good;
    for (Metric m : Metric.values()) {
      recorders.put(m, Histograms.newRecorder());
      merged.put(m, Histograms.newHistogram());
      intervals.put(m, new ArrayList<>());
      iterationScores.put(m, new ArrayList<>());
    }
  }

  /**
   * Takes the provider's name as a response spelled it ("OpenAI") over the slug a failed call of a
   * pinned cell was filed under ("openai"); the first response's spelling wins.
   */
  void preferLabel(SeriesKey fromResponse) {
    if (!labelFromResponse) {
      key = fromResponse;
      labelFromResponse = true;
    }
  }

  void addCost(BigDecimal usd) {
    cost.accumulateAndGet(usd, BigDecimal::add);
  }

  void record(CallRecord r) {
    outcomes.incrementAndGet(r.outcome().ordinal());
    promptTokens.add(Math.max(0, r.promptTokens()));
    if (r.costUsd() != null) {
      cost.accumulateAndGet(r.costUsd(), BigDecimal::add);
    }
    if (good.test(r)) {
      goodCalls.increment();
    }
    if (Boolean.TRUE.equals(r.byok())) {
      byokCalls.increment();
    }
    if (!r.outcome().isSuccess()) {
      return;
    }
    completionTokens.add(Math.max(0, r.completionTokens()));
    recordNanos(Metric.TTFT, r.ttftNs());
    recordNanos(Metric.TTFA, r.ttfaNs());
    recordNanos(Metric.E2E, r.e2eNs());
    recordNanos(Metric.TPOT, r.tpotNs());
    recordNanos(Metric.DISPATCH_DELAY, r.dispatchDelayNs());
    recordNanos(Metric.TTFT_SCHEDULED, r.ttftScheduledNs());
    recordNanos(Metric.E2E_SCHEDULED, r.e2eScheduledNs());
    recordNanos(Metric.CALL_E2E, r.callE2eNs());
    double speed = r.outputTokensPerSecond();
    if (!Double.isNaN(speed)) {
      Histograms.recordClamped(recorders.get(Metric.OUTPUT_SPEED), Math.round(speed * 1000));
    }
  }

  void recordGaps(long[] gapsNs, int count) {
    Recorder icl = recorders.get(Metric.ICL);
    for (int i = 0; i < count; i++) {
      Histograms.recordClamped(icl, Metric.nanosToRecorded(gapsNs[i]));
    }
  }

  private void recordNanos(Metric metric, long nanos) {
    if (nanos != CallRecord.NONE) {
      Histograms.recordClamped(recorders.get(metric), Metric.nanosToRecorded(nanos));
    }
  }

  /**
   * Ends a measurement iteration: takes each metric's interval histogram, adds it to the merged
   * histogram and scores it (the mean of the iteration). Called by one thread between iterations.
   */
  synchronized void flip(long startEpochMs, long endEpochMs) {
    for (Metric m : Metric.values()) {
      // the recorder's plain histogram is recycled; the iteration keeps a packed copy
      Histogram recorded = recorders.get(m).getIntervalHistogram(recycled.get(m));
      recycled.put(m, recorded);
      recorded.setStartTimeStamp(startEpochMs);
      recorded.setEndTimeStamp(endEpochMs);
      recorded.setTag(key.tag() + "." + m.id());
      Histogram interval = Histograms.packed(recorded);
      merged.get(m).add(interval);
      intervals.get(m).add(interval);
      iterationScores
          .get(m)
          .add(interval.getTotalCount() == 0 ? Double.NaN : m.toUnit(interval.getMean()));
    }
  }

  synchronized SeriesResult result(double measuredSeconds) {
    Map<Metric, MetricResult> results = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      double[] scores = iterationScores.get(m).stream().mapToDouble(Double::doubleValue).toArray();
      Histogram copy = merged.get(m).copy();
      copy.setTag(key.tag() + "." + m.id());
      results.put(m, new MetricResult(m, copy, intervals.get(m), scores, Statistics.score(scores)));
    }
    long[] counts = new long[outcomes.length()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = outcomes.get(i);
    }
    return new SeriesResult(
        key,
        results,
        OutcomeCounts.of(counts),
        promptTokens.sum(),
        completionTokens.sum(),
        cost.get(),
        goodCalls.sum(),
        measuredSeconds,
        byokCalls.sum());
  }
}
