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
 * readers, CI benchmark actions) read pitwall runs. One benchmark object per series: benchmark
 * "<suite>.<prompt>", mode "sample", params model / provider / requested_provider / cell, TTFT as
 * the primary metric and the other recorded metrics as secondary ones, each with JMH's fields
 * (score, scoreError, scoreConfidence, scorePercentiles, scoreUnit, rawData = one fork's iteration
 * scores). Undefined numbers are the string "NaN", as JMH writes them.
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
    for (SeriesResult s : ctx.result().series()) {
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
    number(node, "scoreError", score.error());
    ArrayNode confidence = node.putArray("scoreConfidence");
    if (Double.isNaN(score.error())) {
      confidence.add(numberOrNaN(score.mean())).add(numberOrNaN(score.mean()));
    } else {
      confidence.add(Fmt.decimal(score.lower(), 3)).add(Fmt.decimal(score.upper(), 3));
    }
    ObjectNode percentiles = node.putObject("scorePercentiles");
    for (double p : PERCENTILES) {
      number(percentiles, Double.toString(p), m.percentile(p));
    }
    node.put("scoreUnit", m.metric().jmhUnit());
    ArrayNode fork = node.putArray("rawData").addArray();
    for (double iterationScore : m.iterationScores()) {
      fork.add(numberOrNaN(iterationScore));
    }
    return node;
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.put(field, "NaN");
    } else {
      node.put(field, Fmt.decimal(value, 3));
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode numberOrNaN(double value) {
    return Double.isNaN(value)
        ? JSON.getNodeFactory().textNode("NaN")
        : JSON.getNodeFactory().numberNode(Fmt.decimal(value, 3));
  }
}
