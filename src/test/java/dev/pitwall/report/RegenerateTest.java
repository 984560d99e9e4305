package dev.pitwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.cli.ReportCommand;
import dev.pitwall.runfolder.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RegenerateTest {
  @TempDir Path dir;

  /** What a run leaves that regeneration reads or is compared with (charts are slow to draw). */
  private void writeOriginal(ReportFixtures.Run run) throws IOException {
    ReportsTest.writeRequests(dir, run);
    ReportContext ctx = ReportsTest.context(dir, run);
    ReportFormats.manifest().write(ctx);
    ReportFormats.summaryCsv().write(ctx);
    ReportFormats.jmhJson().write(ctx);
    ReportFormats.hlog().write(ctx);
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  @Test
  void rebuiltSummaryEqualsTheOriginal() throws IOException {
    writeOriginal(ReportFixtures.run());
    String summary = read("summary.csv");
    String manifest = read("manifest.json");
    String result = read("result.json");
    String hlog = read("latency.hlog");

    ReportContext ctx = ReportContext.of(RunFolder.rebuild(dir));
    assertThat(ctx.warnings()).isEmpty();
    ReportFormats.manifest().write(ctx);
    ReportFormats.summaryCsv().write(ctx);
    ReportFormats.jmhJson().write(ctx);
    ReportFormats.hlog().write(ctx);

    assertThat(read("summary.csv")).isEqualTo(summary);
    assertThat(read("manifest.json")).isEqualTo(manifest);
    // inter-chunk latency is not in requests.csv: it comes back from latency.hlog
    assertThat(read("result.json")).contains("\"icl\"").isEqualTo(result);
    assertThat(read("latency.hlog")).isEqualTo(hlog);
    assertThat(ctx.verdicts())
        .hasSameSizeAs(ReportsTest.context(dir, ReportFixtures.run()).verdicts());
  }

  @Test
  void theCommandRegeneratesEveryOutputAndPrintsTheTable() throws IOException {
    writeOriginal(ReportFixtures.run());
    String summary = read("summary.csv");
    Files.delete(dir.resolve("summary.csv"));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new ReportCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(dir.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(read("summary.csv")).isEqualTo(summary);
    for (ReportFormat f : ReportFormats.all()) {
      assertThat(dir.resolve(f.fileName())).exists();
    }
    assertThat(out.toString()).contains("Benchmark", "cap-theorem.cap", "FAIL");
    assertThat(out.toString().strip()).endsWith(dir.toAbsolutePath().normalize().toString());
  }

  @Test
  void aTruncatedCsvIsReportedByLineAndTheRestIsStillProduced() throws IOException {
    writeOriginal(ReportFixtures.run());
    List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("requests.csv")));
    int last = lines.size(); // 1-based line number of the last row
    String cut = lines.remove(lines.size() - 1);
    int edited = 10;
    while (!lines.get(edited).contains(",OK,")) {
      edited++;
    }
    lines.set(edited, lines.get(edited).replace(",OK,", ",GREAT,"));
    Files.writeString(
        dir.resolve("requests.csv"),
        String.join("\n", lines) + "\n" + cut.substring(0, 40),
        StandardCharsets.UTF_8);

    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new ReportCommand())
            .setOut(new PrintWriter(new StringWriter()))
            .setErr(new PrintWriter(err))
            .execute(dir.toString());

    assertThat(exit).isZero();
    assertThat(err.toString())
        .contains("warning: requests.csv line " + (edited + 1) + ": outcome 'GREAT' is not one of")
        .contains("warning: requests.csv line " + last + ": has ");
    assertThat(read("report.md"))
        .contains("Warnings while reading the run", "line " + (edited + 1) + ":");
    assertThat(dir.resolve("charts/latency-over-time.png")).isNotEmptyFile();
  }

  @Test
  void withoutAManifestItRebuildsFromRowsAndSaysSo() throws IOException {
    writeOriginal(ReportFixtures.run());
    Files.delete(dir.resolve("manifest.json"));
    ReportContext ctx = ReportContext.of(RunFolder.rebuild(dir));
    assertThat(ctx.warnings()).anySatisfy(w -> assertThat(w).contains("manifest.json is missing"));
    assertThat(ctx.result().series()).hasSize(ReportFixtures.run().result().series().size());
    ReportFormats.markdown().write(ctx);
    assertThat(read("report.md")).contains("manifest.json is missing");
  }

  @Test
  void aFolderWithoutRequestsCsvIsAUsageError() {
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new ReportCommand()).setErr(new PrintWriter(err)).execute(dir.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("no requests.csv in");
  }
}
