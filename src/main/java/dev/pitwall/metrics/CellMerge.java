package dev.pitwall.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The level of a cell above its providers: every served provider's series of one cell merged
 * exactly. Histograms are added (HdrHistogram's add is exact at the shared precision), counts,
 * tokens and cost summed; iteration histograms are added iteration by iteration (matched by their
 * start stamp, since a provider first seen in iteration 3 has no histograms for 1 and 2) and the
 * iteration scores recomputed from the merged ones, so the cell's score is a mean of its iteration
 * means over all its calls, not a mean of its providers' scores.
 */
final class CellMerge {
  private CellMerge() {}

  static SeriesResult merge(SeriesKey key, List<SeriesResult> parts) {
    Map<Metric, MetricResult> metrics = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      metrics.put(m, merge(key, m, parts));
    }
    OutcomeCounts outcomes = OutcomeCounts.EMPTY;
    long prompt = 0;
    long completion = 0;
    long good = 0;
    long byok = 0;
    double seconds = 0;
    BigDecimal cost = BigDecimal.ZERO;
    for (SeriesResult s : parts) {
      outcomes = outcomes.plus(s.outcomes());
      prompt += s.promptTokens();
      completion += s.completionTokens();
      good += s.goodCalls();
      byok += s.byokCalls();
      cost = cost.add(s.costUsd());
      seconds = Math.max(seconds, s.measuredSeconds());
    }
    return new SeriesResult(key, metrics, outcomes, prompt, completion, cost, good, seconds, byok);
  }

  private static MetricResult merge(SeriesKey key, Metric m, List<SeriesResult> parts) {
    Histogram all = Histograms.newHistogram();
    all.setTag(key.tag() + "." + m.id());
    TreeMap<Long, Histogram> byStart = new TreeMap<>();
    for (SeriesResult s : parts) {
      MetricResult r = s.metric(m);
      all.add(r.histogram());
      for (Histogram h : r.iterationHistograms()) {
        Histogram sum =
            byStart.computeIfAbsent(
                h.getStartTimeStamp(),
                start -> {
                  Histogram fresh = Histograms.newHistogram();
                  fresh.setStartTimeStamp(h.getStartTimeStamp());
                  fresh.setEndTimeStamp(h.getEndTimeStamp());
                  fresh.setTag(key.tag() + "." + m.id());
                  return fresh;
                });
        sum.add(h);
      }
    }
    List<Histogram> iterations = new ArrayList<>(byStart.values());
    double[] scores =
        iterations.stream()
            .mapToDouble(h -> h.getTotalCount() == 0 ? Double.NaN : m.toUnit(h.getMean()))
            .toArray();
    return new MetricResult(m, all, iterations, scores, Statistics.score(scores));
  }
}
