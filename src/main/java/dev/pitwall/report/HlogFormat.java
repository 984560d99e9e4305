package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.SeriesResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * latency.hlog: every measurement iteration's interval histogram of every series × metric, tagged
 * "<series tag>.<metric id>", in HdrHistogram's log format (readable by {@code HistogramLogReader}
 * and HdrHistogram's log processor). Values are µs (output speed: milli-tokens/s); the base time is
 * the run's start.
 */
final class HlogFormat implements ReportFormat {
  static final String FILE = "latency.hlog";

  @Override
  public String fileName() {
    return FILE;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    List<Histogram> intervals = new ArrayList<>();
    for (SeriesResult s : ctx.result().series()) {
      for (Metric metric : Metric.values()) {
        MetricResult m = s.metric(metric);
        if (m.count() == 0) {
          continue;
        }
        for (Histogram h : m.iterationHistograms()) {
          Histogram tagged = h.copy();
          tagged.setStartTimeStamp(h.getStartTimeStamp());
          tagged.setEndTimeStamp(h.getEndTimeStamp());
          tagged.setTag(tag(s, metric));
          intervals.add(tagged);
        }
      }
    }
    intervals.sort(
        Comparator.comparingLong(Histogram::getStartTimeStamp).thenComparing(Histogram::getTag));
    long base = ctx.result().info().start().toEpochMilli();
    try (OutputStream file = Files.newOutputStream(ctx.runDir().resolve(FILE));
        PrintStream out = new PrintStream(file, false, StandardCharsets.UTF_8)) {
      HistogramLogWriter log = new HistogramLogWriter(out);
      log.outputComment(
          "pitwall "
              + ctx.result().info().suite()
              + ": values in µs (output_speed: milli-tokens/s), one interval per iteration");
      log.outputLogFormatVersion();
      log.outputStartTime(base);
      log.outputBaseTime(base);
      log.setBaseTime(base);
      log.outputLegend();
      for (Histogram h : intervals) {
        log.outputIntervalHistogram(h);
      }
      out.flush();
      if (out.checkError()) {
        throw new IOException("cannot write " + ctx.runDir().resolve(FILE));
      }
    }
  }

  static String tag(SeriesResult s, Metric metric) {
    return s.key().tag() + "." + metric.id();
  }
}
