package dev.pitwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.SeriesResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineFormatsTest {
  @TempDir Path dir;
  private final ReportFixtures.Run run = ReportFixtures.run();
  private final ReportContext ctx = ReportsTest.context(dir(), run);

  private Path dir() {
    try {
      return Files.createTempDirectory("pitwall-report");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void resultJsonMatchesItsGoldenFileAndReadsAsJmhJson() throws IOException {
    ReportFormats.jmhJson().write(ctx);
    Path file = ctx.runDir().resolve("result.json");
    Golden.assertMatches(Files.readString(file), "result.json");

    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertThat(root.isArray()).isTrue();
    // the cells (all providers merged), then each provider's series as a benchmark of its own
    int cells = run.result().cells().size();
    assertThat(root).hasSize(cells + run.result().series().size());
    assertThat(Files.readString(file)).doesNotContain("NaN");
    JsonNode first = root.get(0);
    assertThat(first.get("benchmark").asText()).isEqualTo("cap-theorem.cap");
    assertThat(first.get("mode").asText()).isEqualTo("sample");
    assertThat(first.get("params").get("provider").asText()).isEqualTo("all");
    assertThat(root.get(cells).get("benchmark").asText()).isEqualTo("cap-theorem.cap:by_provider");
    assertThat(root.get(cells).get("params").get("provider").asText()).isEqualTo("Anthropic");
    JsonNode primary = first.get("primaryMetric");
    assertThat(primary.get("score").isNumber()).isTrue();
    assertThat(primary.get("scoreUnit").asText()).isEqualTo("ms/op");
    assertThat(primary.get("scoreConfidence")).hasSize(2);
    assertThat(primary.get("scorePercentiles").fieldNames())
        .toIterable()
        .containsExactly("0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "100.0");
    assertThat(primary.get("rawData").get(0)).hasSize(ReportFixtures.MEASUREMENT);
    assertThat(first.get("secondaryMetrics").has("e2e")).isTrue();
    assertThat(first.get("secondaryMetrics").get("output_speed").get("scoreUnit").asText())
        .isEqualTo("tokens/s");
    double p50 = primary.get("scorePercentiles").get("50.0").asDouble();
    assertThat(p50).isEqualTo(run.result().cells().get(0).metric(Metric.TTFT).percentile(50));
  }

  @Test
  void biggerIsBetterHasNameUnitValueAndRange() throws IOException {
    ReportFormats.biggerIsBetterJson().write(ctx);
    Path file = ctx.runDir().resolve("bigger-is-better.json");
    Golden.assertMatches(Files.readString(file), "bigger-is-better.json");
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertThat(root).isNotEmpty();
    for (JsonNode entry : root) {
      assertThat(entry.get("name").asText()).isNotBlank();
      assertThat(entry.get("unit").asText()).isEqualTo("tokens/s");
      assertThat(entry.get("value").isNumber()).isTrue();
    }
    assertThat(root.get(0).get("range").asText()).startsWith("± ");
  }

  @Test
  void hlogReadsBackWithHdrHistogramsOwnReader() throws IOException {
    ReportFormats.hlog().write(ctx);
    Map<String, Long> countsByTag = new HashMap<>();
    int intervals = 0;
    try (HistogramLogReader reader =
        new HistogramLogReader(ctx.runDir().resolve("latency.hlog").toFile())) {
      EncodableHistogram h;
      while ((h = reader.nextIntervalHistogram()) != null) {
        intervals++;
        countsByTag.merge(h.getTag(), ((Histogram) h).getTotalCount(), Long::sum);
        assertThat(h.getStartTimeStamp())
            .isGreaterThanOrEqualTo(ReportFixtures.START.toEpochMilli());
      }
    }
    SeriesResult anthropic = run.result().series().get(0);
    String tag = anthropic.key().tag() + ".ttft";
    assertThat(countsByTag).containsEntry(tag, anthropic.metric(Metric.TTFT).count());
    // a series first served in the 2nd iteration (the Together fallback) has 2 intervals, not 3
    long expected =
        run.result().series().stream()
            .flatMap(sr -> sr.metrics().values().stream())
            .filter(m -> m.count() > 0)
            .mapToLong(m -> m.iterationHistograms().size())
            .sum();
    assertThat(intervals).isEqualTo(expected);
    assertThat(countsByTag.keySet()).allMatch(t -> !t.contains(" ") && !t.contains(","));
  }

  @Test
  void hgrmFilesHoldPercentileDistributionsInMs() throws IOException {
    ReportFormats.hgrm().write(ctx);
    SeriesResult anthropic = run.result().series().get(0);
    Path file = ctx.runDir().resolve("hgrm").resolve(anthropic.key().tag() + ".ttft.hgrm");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).contains("Value", "Percentile", "TotalCount");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("#[Mean"));
    assertThat(String.join("\n", lines)).contains("#[Max");
  }
}
