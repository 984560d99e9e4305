package dev.pitwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.metrics.SloGate;
import dev.pitwall.runfolder.Manifest;
import dev.pitwall.runfolder.RequestsCsvWriter;
import dev.pitwall.runfolder.RowSample;
import dev.pitwall.runfolder.SuiteFacts;
import dev.pitwall.suite.Arrival;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Limits;
import dev.pitwall.suite.Load;
import dev.pitwall.suite.LoadMode;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.ModelSpec;
import dev.pitwall.suite.Prompt;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Retries;
import dev.pitwall.suite.Slo;
import dev.pitwall.suite.Suite;
import dev.pitwall.suite.Timeouts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  @TempDir Path dir;

  static ReportContext context(Path dir, ReportFixtures.Run run) {
    return new ReportContext(
        dir,
        run.result(),
        run.facts(),
        SloGate.evaluate(run.result(), run.facts().slos()),
        RowSample.of(run.records()),
        List.of());
  }

  static void writeRequests(Path dir, ReportFixtures.Run run) throws IOException {
    try (RequestsCsvWriter csv = RequestsCsvWriter.open(dir.resolve("requests.csv"))) {
      run.records().forEach(csv::accept);
    }
  }

  @Test
  void summaryCsvMatchesItsGoldenFile() throws IOException {
    ReportFixtures.Run run = ReportFixtures.run();
    ReportFormats.summaryCsv().write(context(dir, run));
    Golden.assertMatches(Files.readString(dir.resolve("summary.csv")), "summary.csv");
  }

  @Test
  void writesEveryFormatAsPngsOfTheAgreedSize() throws IOException {
    ReportFixtures.Run run = ReportFixtures.run();
    writeRequests(dir, run);
    List<String> written = Reports.writeAll(context(dir, run));
    assertThat(written).hasSameSizeAs(ReportFormats.all());
    for (String name : written) {
      assertThat(dir.resolve(name)).exists();
      if (name.endsWith(".png")) {
        BufferedImage png = ImageIO.read(dir.resolve(name).toFile());
        assertThat(png.getWidth()).isEqualTo(ChartTheme.WIDTH);
        assertThat(png.getHeight()).isEqualTo(ChartTheme.HEIGHT);
        String svg = Files.readString(ChartImages.svgOf(dir.resolve(name)));
        assertThat(svg).contains("<svg", "suite cap-theorem").doesNotContain("NaN");
      } else if (!name.endsWith("/")) {
        assertThat(Files.readString(dir.resolve(name))).as(name).doesNotContain("NaN");
      }
    }
  }

  @Test
  void chartScaleTwoDrawsHiDpiPngs() throws IOException {
    ReportFixtures.Run run = ReportFixtures.run();
    ReportContext ctx = context(dir, run).withChartScale(2);
    new CostChart().write(ctx);
    BufferedImage png = ImageIO.read(dir.resolve(CostChart.FILE).toFile());
    assertThat(png.getWidth()).isEqualTo(2 * ChartTheme.WIDTH);
    assertThat(png.getHeight()).isEqualTo(2 * ChartTheme.HEIGHT);
  }

  @Test
  void reportMdAnswersFirstThenModelsChartsProvidersAndDefinitions() throws IOException {
    ReportFixtures.Run run = ReportFixtures.run();
    ReportFormats.markdown().write(context(dir, run));
    String md = Files.readString(dir.resolve("report.md"));
    List<String> order =
        List.of(
            "## Answer",
            "Fastest time to first token: **",
            "Fastest output: **",
            "Cheapest per 1M output tokens: **",
            "Most errors: **",
            "## Per model",
            "## Charts",
            "## Per served provider",
            "## What is measured");
    int at = -1;
    for (String heading : order) {
      int next = md.indexOf(heading);
      assertThat(next).as(heading).isGreaterThan(at);
      at = next;
    }
    // the per-model table names each cell once: the pinned cell as model@provider
    String perModel = md.substring(md.indexOf("## Per model"), md.indexOf("## Charts"));
    assertThat(perModel).contains("| meta-llama/llama-3.1-70b-instruct@deepinfra |");
    assertThat(perModel).doesNotContain("Together", "NaN");
    assertThat(md).contains("n/a (2 iterations)"); // the Together fallback's 2 iterations
  }

  @Test
  void suiteFactsComeFromTheSuiteAndRoundTripThroughTheManifest() throws IOException {
    ReportFixtures.Run run = ReportFixtures.run();
    Suite suite =
        new Suite(
            "cap-theorem",
            "",
            null,
            List.of(new Prompt("cap", List.of(new Message("user", "Explain CAP")))),
            List.of(new ModelSpec("openai/gpt-4o", null, false, null, RequestParams.DEFAULTS)),
            new Load(LoadMode.CLOSED, 2, 0, Arrival.CONSTANT, 1L),
            Iterations.DEFAULTS,
            Limits.NONE,
            Timeouts.DEFAULTS,
            Retries.NONE,
            List.of("openai"),
            List.of(new Slo("error_rate", 0.0)),
            false);
    SuiteFacts facts = SuiteFacts.of(suite);
    assertThat(facts.threads()).isEqualTo(2);
    assertThat(facts.suiteHash()).startsWith("sha256:").hasSize(7 + 64);

    ReportFormats.manifest()
        .write(new ReportContext(dir, run.result(), facts, List.of(), new RowSample(), List.of()));
    Manifest manifest = Manifest.read(dir);
    assertThat(manifest.facts()).isEqualTo(facts);
    assertThat(manifest.info()).isEqualTo(run.result().info());
    assertThat(manifest.iterations()).hasSize(ReportFixtures.MEASUREMENT);
  }

  @Test
  void aRunThatMeasuredNothingStillWritesEveryFile() throws IOException {
    var empty = new dev.pitwall.metrics.RunResult(ReportFixtures.info(true), List.of());
    List<String> written =
        Reports.writeAll(
            new ReportContext(
                dir, empty, SuiteFacts.UNKNOWN, List.of(), new RowSample(), List.of("a warning")));
    assertThat(written).hasSameSizeAs(ReportFormats.all());
    assertThat(Files.readString(dir.resolve("report.md")))
        .contains("No measured calls", "a warning", "## What is measured");
    assertThat(Manifest.read(dir).iterations()).isEmpty();
  }

  @Test
  void aRunWithoutSuccessesStillWritesEveryFile() throws IOException {
    ReportFixtures.Run run = ReportFixtures.allThrottled();
    writeRequests(dir, run);
    List<String> written = Reports.writeAll(context(dir, run));
    assertThat(written).hasSameSizeAs(ReportFormats.all());
    for (String name : written) {
      if (name.endsWith("/")) {
        assertThat(dir.resolve(name)).isNotEmptyDirectory();
      } else {
        assertThat(dir.resolve(name)).isNotEmptyFile();
      }
    }
  }
}
