package dev.pitwall.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * Collects the measurement attempts of a run into per-series recorders and turns them into a {@link
 * RunResult}. Warmup attempts are ignored here (they are still written to requests.csv).
 *
 * <p>Thread-safety: {@link #record} and {@link #recordGaps} may be called from any number of
 * threads at once; {@link #endIteration} and {@link #result} from one coordinating thread.
 */
public final class RunMetrics implements CallSink {
  /**
   * Keyed by cell and provider identity ({@link ProviderNames#key}), so "google-vertex" asked (an
   * attempt no reply named) and "Google" served are one series, as are "openai" and "OpenAI".
   */
  private final ConcurrentMap<String, SeriesRecorder> series = new ConcurrentHashMap<>();

  /** Every spelling seen, to its series: the hot path's one lock-free look-up. */
  private final ConcurrentMap<SeriesKey, SeriesRecorder> byKey = new ConcurrentHashMap<>();

  private final Predicate<CallRecord> good;
  private final ProviderNames names;
  private volatile double measuredSeconds;

  /** Metrics whose goodput counts every success. */
  public RunMetrics() {
    this(r -> r.outcome().isSuccess());
  }

  /**
   * @param good which attempts count toward goodput (those meeting every SLO)
   */
  public RunMetrics(Predicate<CallRecord> good) {
    this(good, ProviderNames.NONE);
  }

  /**
   * @param good which attempts count toward goodput (those meeting every SLO)
   * @param names slug → display name of the providers, from endpoint data
   */
  public RunMetrics(Predicate<CallRecord> good, ProviderNames names) {
    this.good = good;
    this.names = names;
  }

  /**
   * Records a measurement attempt. Calls pitwall never sent (stopped or out of budget before their
   * send) belong to no provider and measure nothing: they are accounted in requests.csv and the
   * run's partial reason, not here.
   */
  @Override
  public void accept(CallRecord record) {
    if (record.phase() == Phase.MEASUREMENT && !neverSent(record)) {
      recorder(record).record(record);
    }
  }

  private static boolean neverSent(CallRecord r) {
    return r.tSendNs() == CallRecord.NONE
        && (r.outcome() == Outcome.CANCELLED || r.outcome() == Outcome.BUDGET_STOPPED);
  }

  /**
   * Adds cost learnt after an attempt was recorded (a timed-out call whose bill came later from
   * OpenRouter's record of it) to the attempt's series.
   */
  public void addLateCost(CallRecord record, BigDecimal usd) {
    if (record.phase() == Phase.MEASUREMENT && !neverSent(record)) {
      recorder(record).addCost(usd);
    }
  }

  /** Records the gaps between token-bearing events of one measurement attempt (ICL). */
  public void recordGaps(CallRecord record, long[] gapsNs, int count) {
    if (record.phase() == Phase.MEASUREMENT && record.outcome().isSuccess() && count > 0) {
      recorder(record).recordGaps(gapsNs, count);
    }
  }

  private SeriesRecorder recorder(CallRecord record) {
    SeriesKey key = SeriesKey.of(record);
    SeriesRecorder known = byKey.get(key);
    return known != null ? known : byKey.computeIfAbsent(key, k -> canonical(record, k));
  }

  /** The first record of a spelling finds (or founds) the series of its provider. */
  private SeriesRecorder canonical(CallRecord record, SeriesKey key) {
    SeriesRecorder r =
        series.computeIfAbsent(
            key.cellId() + '\u0000' + names.key(key.servedProvider()),
            k -> new SeriesRecorder(key, good));
    if (record.servedProvider() != null) {
      r.preferLabel(key);
    }
    return r;
  }

  /**
   * Closes a measurement iteration that ran from {@code startEpochMs} to {@code endEpochMs}: each
   * series' histograms become that iteration's, and its duration adds to the measured window.
   */
  public void endIteration(long startEpochMs, long endEpochMs) {
    for (SeriesRecorder r : series.values()) {
      r.flip(startEpochMs, endEpochMs);
    }
    measuredSeconds += Math.max(0, endEpochMs - startEpochMs) / 1000.0;
  }

  public List<SeriesResult> results() {
    List<SeriesResult> out = new ArrayList<>();
    for (SeriesRecorder r : series.values()) {
      out.add(r.result(measuredSeconds));
    }
    out.sort(java.util.Comparator.comparing(SeriesResult::key));
    return out;
  }
}
