package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.SeriesResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * hgrm/*.hgrm: the percentile distribution of each series × metric over all measurement iterations
 * ({@code outputPercentileDistribution}, 5 ticks per half distance), values in ms (output speed in
 * tokens/s), the text HdrHistogram's online plotter reads.
 */
final class HgrmFormat implements ReportFormat {
  static final String DIR = "hgrm/";

  @Override
  public String fileName() {
    return DIR;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    Path dir = ctx.runDir().resolve(DIR);
    Files.createDirectories(dir);
    int written = 0;
    for (SeriesResult s : ctx.result().series()) {
      for (Metric metric : Metric.values()) {
        MetricResult m = s.metric(metric);
        if (m.count() == 0) {
          continue;
        }
        try (OutputStream file =
                Files.newOutputStream(
                    dir.resolve(dev.pitwall.runfolder.LatencyLog.tag(s, metric) + ".hgrm"));
            PrintStream out = new PrintStream(file, false, StandardCharsets.UTF_8)) {
          m.histogram().outputPercentileDistribution(out, 5, 1000.0);
        }
        written++;
      }
    }
    if (written == 0) {
      Files.writeString(
          dir.resolve("README.txt"),
          "No successful measured call: there is no distribution to write.\n",
          StandardCharsets.UTF_8);
    }
  }
}
