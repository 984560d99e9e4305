package dev.pitwall.runfolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.ProviderNames;
import dev.pitwall.metrics.RunInfo;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.suite.Slo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * manifest.json: what a reader needs to trust and reproduce a run (suite hash, effective settings,
 * target, versions, start/end, simulated, partial and why, seed), plus what {@code pitwall report}
 * needs to regenerate every output without the suite: the {@link SuiteFacts} and the measurement
 * iteration windows.
 *
 * @param iterations measurement iteration windows in epoch ms, in order
 */
public record Manifest(RunInfo info, SuiteFacts facts, List<IterationWindow> iterations) {
  /** One measurement iteration's wall-clock window, epoch milliseconds. */
  public record IterationWindow(long startEpochMs, long endEpochMs) {}

  public Manifest {
    iterations = List.copyOf(iterations);
  }

  /** The manifest of a result: iteration windows are those stamped on its interval histograms. */
  public static Manifest of(RunResult result, SuiteFacts facts) {
    List<IterationWindow> windows = new ArrayList<>();
    for (SeriesResult s : result.series()) {
      List<Histogram> intervals = s.metric(Metric.TTFT).iterationHistograms();
      if (!intervals.isEmpty()) {
        for (Histogram h : intervals) {
          windows.add(new IterationWindow(h.getStartTimeStamp(), h.getEndTimeStamp()));
        }
        break;
      }
    }
    return new Manifest(result.info(), facts, windows);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes manifest.json into {@code runDir}, pretty-printed with keys in a fixed order. */
  public void write(Path runDir) throws IOException {
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(runDir.resolve(RunLayout.MANIFEST_JSON).toFile(), toJson());
  }

  private ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("suite", info.suite());
    root.put("description", info.description());
    root.put("suite_hash", facts.suiteHash());
    root.put("target", info.target());
    root.put("simulated", info.simulated());
    root.put("start", info.start().toString());
    root.put("end", info.end().toString());
    root.put("partial", info.partial());
    root.put("partial_reason", info.partialReason());
    root.put("seed", info.seed());
    root.put("pitwall_version", info.pitwallVersion());
    root.put("java_version", info.javaVersion());
    root.put("git_sha", info.gitSha());
    ObjectNode settings = root.putObject("settings");
    new TreeMap<>(info.settings()).forEach(settings::put);
    root.put("threads", facts.threads());
    ArrayNode slos = root.putArray("slos");
    for (Slo slo : facts.slos()) {
      slos.addObject().put("key", slo.key()).put("limit", slo.limit());
    }
    ArrayNode allowed = root.putArray("allowed_providers");
    facts.allowedProviders().forEach(allowed::add);
    ObjectNode names = root.putObject("provider_names");
    facts.providerNames().bySlug().forEach(names::put);
    ArrayNode windows = root.putArray("measurement_iterations");
    for (IterationWindow w : iterations) {
      windows.addObject().put("start_ms", w.startEpochMs()).put("end_ms", w.endEpochMs());
    }
    return root;
  }

  /** Reads manifest.json of a run directory; errors name the file and the field. */
  public static Manifest read(Path runDir) throws IOException {
    Path file = runDir.resolve(RunLayout.MANIFEST_JSON);
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(
          file
              + " line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": not valid JSON ("
              + e.getOriginalMessage()
              + ")",
          e);
    }
    Map<String, String> settings = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("settings").properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      settings.put(e.getKey(), e.getValue().asText());
    }
    RunInfo info =
        new RunInfo(
            required(root, "suite", file),
            text(root, "description"),
            required(root, "target", file),
            root.path("simulated").asBoolean(false),
            instant(root, "start", file),
            instant(root, "end", file),
            text(root, "partial_reason"),
            root.path("seed").asLong(0),
            settings,
            text(root, "pitwall_version"),
            text(root, "java_version"),
            text(root, "git_sha"));
    List<Slo> slos = new ArrayList<>();
    for (JsonNode n : root.path("slos")) {
      try {
        slos.add(new Slo(n.path("key").asText(), n.path("limit").asDouble(Double.NaN)));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": slos: " + e.getMessage(), e);
      }
    }
    List<String> allowed = new ArrayList<>();
    root.path("allowed_providers").forEach(n -> allowed.add(n.asText()));
    Map<String, String> names = new TreeMap<>();
    root.path("provider_names")
        .properties()
        .forEach(e -> names.put(e.getKey(), e.getValue().asText()));
    SuiteFacts facts =
        new SuiteFacts(
            text(root, "suite_hash"),
            Math.max(1, root.path("threads").asInt(1)),
            slos,
            allowed,
            new ProviderNames(names));
    List<IterationWindow> windows = new ArrayList<>();
    for (JsonNode n : root.path("measurement_iterations")) {
      windows.add(new IterationWindow(n.path("start_ms").asLong(), n.path("end_ms").asLong()));
    }
    return new Manifest(info, facts, windows);
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String required(JsonNode root, String field, Path file) throws IOException {
    String v = text(root, field);
    if (v == null) {
      throw new IOException(file + ": the field \"" + field + "\" is missing");
    }
    return v;
  }

  private static Instant instant(JsonNode root, String field, Path file) throws IOException {
    String v = required(root, field, file);
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IOException(
          file
              + ": \""
              + field
              + "\" is '"
              + v
              + "', not an ISO-8601 time such as 2026-01-31T12:00:00Z");
    }
  }
}
