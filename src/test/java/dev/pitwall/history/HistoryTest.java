package dev.pitwall.history;

import static dev.pitwall.history.Nights.GPT;
import static dev.pitwall.history.Nights.LLAMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.cli.CompareCommand;
import dev.pitwall.runfolder.RunFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** history.csv on disk, and {@code pitwall compare} over run folders as nights leave them. */
class HistoryTest {
  @TempDir Path results;

  @Test
  void figuresRoundTripThroughHistoryCsv() throws Exception {
    Nights.Night night = Nights.night(0, 1, List.of(GPT, LLAMA));
    Path file = results.resolve("history.csv");
    RunFigures written = night.figures();
    HistoryCsv.append(file, written);
    HistoryCsv.Read read = HistoryCsv.read(file);
    assertThat(read.warnings()).isEmpty();
    assertThat(read.runs()).hasSize(1);
    RunFigures back = read.runs().get(0);
    assertThat(back.run()).isEqualTo(written.run());
    assertThat(back.figures()).hasSameSizeAs(written.figures());
    for (int i = 0; i < written.figures().size(); i++) {
      Figure a = written.figures().get(i);
      Figure b = back.figures().get(i);
      assertThat(b.series()).isEqualTo(a.series());
      assertThat(b.measure()).isEqualTo(a.measure());
      assertThat(b.iterationScores())
          .containsExactly(
              a.iterationScores(),
              org.assertj.core.data.Offset.offset(1e-6 * Math.abs(a.score().mean()) + 1e-12));
      assertThat(Double.compare(b.p99(), a.p99())).isZero();
    }
    assertThat(Files.readAllLines(file).get(0)).isEqualTo(String.join(",", HistoryCsv.HEADER));
  }

  @Test
  void aCorruptOrTruncatedLineIsSkippedWithAWarningNamingIt() throws Exception {
    Path file = results.resolve("history.csv");
    HistoryCsv.append(file, Nights.night(0, 1, List.of(GPT)).figures());
    List<String> lines = Files.readAllLines(file);
    String good = lines.get(1);
    Files.writeString(
        file,
        String.join(
                "\n",
                lines.get(0),
                good.replaceFirst("2026-11-01T02:00:00Z", "yesterday"),
                good.substring(0, good.length() / 2),
                good.replace(",ttft,", ",ttft_p42,"))
            + "\n"
            + String.join("\n", lines.subList(2, lines.size()))
            + "\n",
        StandardCharsets.UTF_8);
    HistoryCsv.Read read = HistoryCsv.read(file);
    assertThat(read.warnings())
        .hasSize(3)
        .anySatisfy(w -> assertThat(w).contains("line 2").contains("start 'yesterday'"))
        .anySatisfy(w -> assertThat(w).contains("line 3").contains("columns"))
        .anySatisfy(w -> assertThat(w).contains("line 4").contains("unknown measure 'ttft_p42'"));
    assertThat(read.runs()).hasSize(1);
    assertThat(read.runs().get(0).figures()).hasSize(lines.size() - 2);
  }

  @Test
  void aMissingHistoryIsAWarningNotAnError() throws Exception {
    HistoryCsv.Read read = HistoryCsv.read(results.resolve("nope/history.csv"));
    assertThat(read.runs()).isEmpty();
    assertThat(read.warnings()).singleElement().asString().contains("no history yet");
  }

  @Test
  void appendingTheSameRunTwiceKeepsOneCopy() throws Exception {
    Path suite = results.resolve("cap-theorem");
    Nights.Night night = Nights.night(0, 1, List.of(GPT));
    Path dir = RunFolders.night(suite, night);
    History.append(dir, night.result());
    assertThat(History.load(History.fileOf(dir)).runs()).hasSize(1);
  }

  @Test
  void aRunFolderReplaysToTheFiguresOfItsHistory() throws Exception {
    Path suite = results.resolve("cap-theorem");
    Nights.Night night = Nights.night(0, 1, List.of(GPT, LLAMA));
    Path dir = RunFolders.write(suite, night);
    RunFigures replayed = RunFigures.of(RunFolder.read(dir));
    RunFigures direct = night.figures();
    for (Measure m :
        List.of(Measure.TTFT, Measure.E2E, Measure.ERROR_RATE, Measure.COST_PER_CALL)) {
      assertThat(replayed.byMatchKey(m).keySet()).isEqualTo(direct.byMatchKey(m).keySet());
      replayed
          .byMatchKey(m)
          .forEach(
              (k, f) ->
                  assertThat(f.iterationScores())
                      .containsExactly(
                          direct.byMatchKey(m).get(k).iterationScores(),
                          org.assertj.core.data.Offset.offset(1e-9)));
    }
  }

  @Test
  void compareCommandFlagsTheSlowNightExitsOneAndWritesItsFiles() throws Exception {
    Path suite = results.resolve("cap-theorem");
    for (int d = 0; d < 4; d++) {
      RunFolders.night(suite, Nights.night(d, 200 + d, List.of(GPT, LLAMA)));
    }
    Path slow = RunFolders.night(suite, Nights.night(4, 300, List.of(GPT.slower(1.6), LLAMA)));

    StringWriter out = new StringWriter();
    int code = compare(out, suite.toString(), "--last", "4");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("against the trailing 4 runs")
        .contains("REGRESSED: openai/gpt-4o [OpenAI] ttft +");
    assertThat(slow.resolve("compare.csv")).isRegularFile();
    assertThat(Files.readString(slow.resolve("compare.md"))).contains("**regressed**");
    assertThat(slow.resolve("charts/compare.png")).isNotEmptyFile();
    assertThat(slow.resolve("charts/trend-ttft.png")).isNotEmptyFile();
    assertThat(Files.readString(slow.resolve("compare.md")))
        .contains("## Trends", "charts/trend-ttft.png");
    assertThat(Files.readAllLines(slow.resolve("compare.csv")).get(0))
        .isEqualTo(String.join(",", CompareReport.CSV_HEADER));

    StringWriter quiet = new StringWriter();
    Path third = suite.resolve(Nights.night(3, 203, List.of(GPT)).runId());
    assertThat(compare(quiet, third.toString(), "--last", "3")).isEqualTo(0);
    assertThat(quiet.toString()).contains("no regression");
  }

  @Test
  void compareCommandRefusesAnotherSuiteNamingIt() throws Exception {
    Path a = RunFolders.night(results.resolve("cap-theorem"), Nights.night(0, 1, List.of(GPT)));
    Path b =
        RunFolders.night(
            results.resolve("other"),
            Nights.night(
                1, 2, List.of(GPT), Nights.settingsWith("suite", "other"), "simulator", null));
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new CompareCommand());
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    assertThat(cli.execute(b.toString(), "--baseline", a.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("different suites (other vs cap-theorem)");
  }

  private static int compare(StringWriter out, String... args) {
    CommandLine cli = new CommandLine(new CompareCommand());
    cli.setOut(new PrintWriter(out, true));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    out.append(err.toString());
    return code;
  }
}
