package dev.pitwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.metrics.TokenSource;
import dev.pitwall.runfolder.RowSample;
import dev.pitwall.runfolder.SuiteFacts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {
  @Test
  void spectrumTicksReadAsPercentages() {
    assertThat(SpectrumChart.percentLabel(1)).isEqualTo("0 %");
    assertThat(SpectrumChart.percentLabel(10)).isEqualTo("90 %");
    assertThat(SpectrumChart.percentLabel(100)).isEqualTo("99 %");
    assertThat(SpectrumChart.percentLabel(1_000)).isEqualTo("99.9 %");
    assertThat(SpectrumChart.percentLabel(10_000)).isEqualTo("99.99 %");
    assertThat(SpectrumChart.percentLabel(3)).isEmpty();
  }

  @Test
  void aSpectrumEndsWhereItsSamplesEnd() {
    var ttft =
        ReportFixtures.run().result().series().get(0).metric(dev.pitwall.metrics.Metric.TTFT);
    double[][] xy = SpectrumChart.spectrum(ttft);
    assertThat(xy[0][0]).isEqualTo(1);
    assertThat(xy[0][xy[0].length - 1]).isEqualTo(ttft.count()); // 1/(1-p) at p = 1 - 1/n
    assertThat(xy[1][xy[1].length - 1]).isEqualTo(ttft.percentile(100));
    for (int i = 1; i < xy[0].length; i++) {
      assertThat(xy[0][i]).isGreaterThan(xy[0][i - 1]);
      assertThat(xy[1][i]).isGreaterThanOrEqualTo(xy[1][i - 1]);
    }
  }

  @Test
  void eachModelHasItsColourAndItsProvidersShadesOfIt() {
    SeriesKey a1 = new SeriesKey("p/a/m", "p", "a/m", "auto", "X");
    SeriesKey a2 = new SeriesKey("p/a/m", "p", "a/m", "auto", "Y");
    SeriesKey b = new SeriesKey("p/b/n", "p", "b/n", "auto", "X");
    ModelColours colours = ModelColours.of(List.of(a1, a2, b));
    SeriesKey cellA = SeriesKey.cell("p/a/m", "p", "a/m", "auto");
    SeriesKey cellB = SeriesKey.cell("p/b/n", "p", "b/n", "auto");
    assertThat(colours.colour(cellA)).isNotEqualTo(colours.colour(cellB));
    assertThat(colours.colour(a1)).isEqualTo(colours.colour(cellA));
    assertThat(colours.colour(a2)).isNotEqualTo(colours.colour(a1));
    // a shade keeps its model's hue
    float hueA = hue(colours.colour(a1));
    float hueA2 = hue(colours.colour(a2));
    assertThat(hueA2).isCloseTo(hueA, org.assertj.core.api.Assertions.within(0.02f));
  }

  private static float hue(java.awt.Color c) {
    return java.awt.Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[0];
  }

  @Test
  void longRowNamesNeitherOverlapNorLeaveTheImage() {
    List<RowChart.Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 27; i++) {
      String name =
          i % 3 == 0
              ? "meta-llama/llama-3.1-405b-instruct-with-a-very-long-fine-tune-name-".repeat(3) + i
              : "Google AI Studio (a provider with a long display name) " + i;
      rows.add(
          RowChart.Row.bar(
              name,
              i % 3 != 0,
              1000.0 * (i + 1),
              java.awt.Color.BLUE,
              "12345.6 ± n/a (2 iterations)"));
    }
    RowChart chart =
        new RowChart(
            "A title that says what and on which suite: cap-theorem",
            "ms",
            RowChart.Style.BARS,
            rows,
            List.of(
                new RowChart.Key("ok", java.awt.Color.GREEN),
                new RowChart.Key("server error", java.awt.Color.RED)),
            v -> Long.toString(Math.round(v)),
            Double.NaN,
            "a footnote");
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(
            ChartTheme.WIDTH, ChartTheme.HEIGHT, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    RowChart.Layout layout =
        chart.layout(g, ChartTheme.WIDTH, ChartTheme.HEIGHT - ChartTheme.FOOTER_HEIGHT);
    chart.paint(g, ChartTheme.WIDTH, ChartTheme.HEIGHT - ChartTheme.FOOTER_HEIGHT);
    g.dispose();
    List<java.awt.geom.Rectangle2D> boxes = layout.textBoxes();
    assertThat(boxes).hasSizeGreaterThan(27 * 2);
    java.awt.geom.Rectangle2D image2 =
        new java.awt.geom.Rectangle2D.Double(
            0, 0, ChartTheme.WIDTH, ChartTheme.HEIGHT - ChartTheme.FOOTER_HEIGHT);
    for (int i = 0; i < boxes.size(); i++) {
      assertThat(image2.contains(boxes.get(i))).as("inside: %s", boxes.get(i)).isTrue();
      for (int j = i + 1; j < boxes.size(); j++) {
        assertThat(boxes.get(i).intersects(boxes.get(j)))
            .as("%s overlaps %s", boxes.get(i), boxes.get(j))
            .isFalse();
      }
    }
    assertThat(layout.labels().get(0)).endsWith("…"); // cut to the name column, not overlapping
  }

  @Test
  void labelsAreShortAndUnique() {
    SeriesKey routed = new SeriesKey("p/a/m", "p", "a/m", "auto", "X");
    SeriesKey pinned = new SeriesKey("p/a/m@x", "p", "a/m", "x", "X");
    SeriesKey other = new SeriesKey("p/a/m@y", "p", "a/m", "y", "Y");
    SeriesLabels labels = new SeriesLabels(List.of(routed, pinned, other));
    assertThat(labels.label(routed)).isEqualTo("m [X] via auto");
    assertThat(labels.label(pinned)).isEqualTo("m [X] via x");
    assertThat(labels.label(other)).isEqualTo("m [Y]");
    assertThat(labels.variant(routed)).isZero();
    assertThat(labels.variant(pinned)).isZero(); // a cell of its own
    SeriesKey second = new SeriesKey("p/a/m", "p", "a/m", "auto", "Z");
    SeriesLabels two = new SeriesLabels(List.of(routed, second));
    assertThat(two.variant(second)).isEqualTo(1); // the cell's second provider
    SeriesKey cell = SeriesKey.cell("p/a/m@x", "p", "a/m", "x");
    assertThat(new SeriesLabels(List.of(cell)).label(cell)).isEqualTo("m@x");
  }

  @Test
  void aPinnedProvidersUnansweredAttemptsShareItsOutcomeBar() {
    RunMetrics metrics = new RunMetrics();
    metrics.accept(attempt(1, Outcome.OK, "DeepInfra"));
    metrics.accept(attempt(2, Outcome.THROTTLED, null));
    metrics.endIteration(0, 1000);
    RunResult result = new RunResult(ReportFixtures.info(true), metrics.results());
    ReportContext ctx =
        new ReportContext(
            Path.of("unused"), result, SuiteFacts.UNKNOWN, List.of(), new RowSample(), List.of());
    List<RowChart.Row> rows = OutcomesChart.rows(ctx);
    assertThat(rows).hasSize(1); // one provider: no breakdown row
    assertThat(rows.get(0).label()).isEqualTo("a/m@deepinfra");
    assertThat(rows.get(0).segments()).hasSize(2);
    assertThat(rows.get(0).text()).isEqualTo("2 attempts");
  }

  private static CallRecord attempt(long id, Outcome outcome, String served) {
    boolean ok = outcome == Outcome.OK;
    return CallRecord.builder()
        .callId(id)
        .iteration(1)
        .cellId("p/m@deepinfra")
        .promptId("p")
        .model("a/m")
        .requestedProvider("deepinfra")
        .servedProvider(served)
        .outcome(outcome)
        .httpStatus(ok ? 200 : 429)
        .tSchedNs(0)
        .tSendNs(0)
        .tFirstNs(ok ? 100_000_000L : CallRecord.NONE)
        .tAnswerNs(ok ? 100_000_000L : CallRecord.NONE)
        .tLastNs(ok ? 900_000_000L : CallRecord.NONE)
        .tDoneNs(ok ? 901_000_000L : 20_000_000L)
        .tokenEvents(ok ? 10 : 0)
        .promptTokens(10)
        .completionTokens(ok ? 100 : 0)
        .tokenSource(ok ? TokenSource.SERVER : TokenSource.NONE)
        .nonce("n" + id)
        .build();
  }
}
