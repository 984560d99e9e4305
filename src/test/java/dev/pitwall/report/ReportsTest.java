package dev.pitwall.report;

import static org.assertj.core.api.Assertions.assertThat;

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
        run.records(),
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
        assertThat(png.getWidth()).isEqualTo(ChartStyle.WIDTH);
        assertThat(png.getHeight()).isEqualTo(ChartStyle.HEIGHT);
      }
    }
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
