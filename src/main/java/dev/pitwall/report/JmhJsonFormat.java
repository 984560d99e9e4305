package dev.pitwall.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.RunInfo;
import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.text.Fmt;
import java.io.IOException;

/**
 * result.json in JMH's JSON format, so JMH result consumers (jmh-visualizer, JMH's own result
 * readers, CI benchmark actions) read pitwall runs. One benchmark object per cell (benchmark
 * "<suite>.<prompt>", provider "all": every provider merged), then one per served provider's series
 * ("<suite>.<prompt>:by_provider"), so readers see the two levels as separate benchmarks. Mode
 * "sample", params model / provider / requested_provider / cell, TTFT as the primary metric and the
 * other recorded metrics as secondary ones, each with JMH's fields (score, scoreError,
 * scoreConfidence, scorePercentiles, scoreUnit, rawData = one fork's iteration scores).
 *
 * <p>Undefined numbers are JSON {@code null}, where JMH writes the string "NaN": a score error with
 * fewer than three iterations (see {@link Score#MIN_ITERATIONS}), a percentile of nothing, an
 * iteration without data. null is JSON's own "no value"; a "NaN" string is neither a number nor
 * honest about the reason, and pitwall keeps NaN out of every output.
 */
final class JmhJsonFormat implements ReportFormat {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  static final String FILE = "result.json";
  static final String JMH_VERSION = "1.37";
  static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 100.0};

  @Override
  public String fileName() {
    return FILE;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    ArrayNode root = JSON.createArrayNode();
    RunInfo info = ctx.result().info();
    for (SeriesResult s : ctx.cellsThenSeries()) {
      ObjectNode b = root.addObject();
      b.put("jmhVersion", JMH_VERSION);
      b.put("benchmark", ctx.benchmark(s.key()));
      b.put("mode", "sample");
      b.put("threads", ctx.suite().threads());
      b.put("forks", 1);
      b.put("jdkVersion", info.javaVersion());
      b.put("pitwallVersion", info.pitwallVersion());
      b.put("target", info.target());
      b.put("simulated", info.simulated());
      b.put("measurementIterations", s.metric(Metric.TTFT).iterationScores().length);
      ObjectNode params = b.putObject("params");
      params.put("model", s.key().model());
      params.put("provider", s.key().servedProvider());
      params.put("requested_provider", s.key().requestedProvider());
      params.put("cell", s.key().cellId());
      b.set("primaryMetric", metric(s.metric(Metric.TTFT)));
      ObjectNode secondary = b.putObject("secondaryMetrics");
      for (Metric m : Metric.values()) {
        if (m != Metric.TTFT && s.metric(m).count() > 0) {
          secondary.set(m.id(), metric(s.metric(m)));
        }
      }
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(ctx.runDir().resolve(FILE).toFile(), root);
  }

  private static ObjectNode metric(MetricResult m) {
    ObjectNode node = JSON.createObjectNode();
    Score score = m.score();
    number(node, "score", score.mean());
    ArrayNode confidence = node.putArray("scoreConfidence");
    if (score.hasInterval()) {
      number(node, "scoreError", score.error());
      confidence.add(Fmt.decimal(score.lower(), 3)).add(Fmt.decimal(score.upper(), 3));
    } else {
      node.putNull("scoreError");
      confidence.addNull().addNull();
    }
    ObjectNode percentiles = node.putObject("scorePercentiles");
    for (double p : PERCENTILES) {
      number(percentiles, Double.toString(p), m.percentile(p));
    }
    node.put("scoreUnit", m.metric().jmhUnit());
    ArrayNode fork = node.putArray("rawData").addArray();
    for (double iterationScore : m.iterationScores()) {
      fork.add(numberOrNull(iterationScore));
    }
    return node;
  }

  private static void number(ObjectNode node, String field, double value) {
    node.set(field, numberOrNull(value));
  }

  private static com.fasterxml.jackson.databind.JsonNode numberOrNull(double value) {
    return Double.isNaN(value)
        ? JSON.getNodeFactory().nullNode()
        : JSON.getNodeFactory().numberNode(Fmt.decimal(value, 3));
  }
}
