package dev.pitwall.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.text.Fmt;
import java.io.IOException;

/**
 * bigger-is-better.json in github-action-benchmark's "customBiggerIsBetter" format ({@code [{name,
 * unit, value, range}]}): per cell (all providers merged), then per served provider's series, the
 * mean output speed ± its 99.9 % error and the throughput (Σ output tokens ÷ measured window).
 * Series without a value are left out: the format has no "undefined".
 */
final class BiggerIsBetterFormat implements ReportFormat {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  static final String FILE = "bigger-is-better.json";

  @Override
  public String fileName() {
    return FILE;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    ArrayNode root = JSON.createArrayNode();
    for (SeriesResult s : ctx.cellsThenSeries()) {
      Score speed = s.metric(Metric.OUTPUT_SPEED).score();
      if (!Double.isNaN(speed.mean())) {
        var entry =
            root.addObject()
                .put("name", name(ctx, s.key(), "output speed"))
                .put("unit", "tokens/s")
                .put("value", Fmt.decimal(speed.mean(), 3));
        if (speed.hasInterval()) {
          entry.put("range", "± " + Fmt.fixed(speed.error(), 3));
        }
      }
      double throughput = s.throughputTokensPerSecond();
      if (!Double.isNaN(throughput) && s.successes() > 0) {
        root.addObject()
            .put("name", name(ctx, s.key(), "throughput"))
            .put("unit", "tokens/s")
            .put("value", Fmt.decimal(throughput, 3));
      }
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(ctx.runDir().resolve(FILE).toFile(), root);
  }

  private static String name(ReportContext ctx, SeriesKey key, String figure) {
    return ctx.benchmark(key) + " " + key.label() + " " + figure;
  }
}
