package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.OutcomeCounts;
import java.util.Locale;

/** Words the charts (and the findings) put on a metric or a set of outcomes. */
final class ChartLabels {
  private ChartLabels() {}

  /** "TTFT", "E2E SCHEDULED": a metric as a chart title names it. */
  static String metric(Metric metric) {
    return metric.id().toUpperCase(Locale.ROOT).replace('_', ' ');
  }

  /** "12 throttled, 3 server error" in outcome order, zero counts left out. */
  static String outcomes(OutcomeCounts counts) {
    StringBuilder sb = new StringBuilder();
    for (Outcome o : Outcome.values()) {
      if (counts.get(o) > 0) {
        sb.append(sb.length() == 0 ? "" : ", ")
            .append(counts.get(o))
            .append(' ')
            .append(o.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    return sb.toString();
  }
}
