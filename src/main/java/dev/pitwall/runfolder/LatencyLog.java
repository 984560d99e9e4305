package dev.pitwall.runfolder;

import dev.pitwall.metrics.Histograms;
import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SeriesResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * latency.hlog: every measurement iteration's interval histogram of every series × metric, tagged
 * "<series tag>.<metric id>", in HdrHistogram's log format (readable by {@code HistogramLogReader}
 * and HdrHistogram's log processor). Values are µs (output speed: milli-tokens/s); the base time is
 * the run's start. It is the one output that keeps what requests.csv cannot: inter-chunk gaps, and
 * the exact histograms a merge of shards adds up.
 */
public final class LatencyLog {
  private LatencyLog() {}

  /** The tag of one series × metric in the log, and the stem of its .hgrm file. */
  public static String tag(SeriesResult s, Metric metric) {
    return s.key().tag() + "." + metric.id();
  }

  /** Writes {@code result}'s interval histograms to {@code file}, ordered by start time. */
  public static void write(Path file, RunResult result) throws IOException {
    record Interval(String tag, Histogram histogram) {}
    List<Interval> intervals = new ArrayList<>();
    for (SeriesResult s : result.series()) {
      for (Metric metric : Metric.values()) {
        MetricResult m = s.metric(metric);
        if (m.count() == 0) {
          continue;
        }
        for (Histogram h : m.iterationHistograms()) {
          intervals.add(new Interval(tag(s, metric), h));
        }
      }
    }
    intervals.sort(
        Comparator.comparingLong((Interval i) -> i.histogram().getStartTimeStamp())
            .thenComparing(Interval::tag));
    long base = result.info().start().toEpochMilli();
    try (OutputStream stream = Files.newOutputStream(file);
        PrintStream out = new PrintStream(stream, false, StandardCharsets.UTF_8)) {
      HistogramLogWriter log = new HistogramLogWriter(out);
      log.outputComment(
          "pitwall "
              + result.info().suite()
              + ": values in µs (output_speed: milli-tokens/s), one interval per iteration");
      log.outputLogFormatVersion();
      log.outputStartTime(base);
      log.outputBaseTime(base);
      log.setBaseTime(base);
      log.outputLegend();
      for (Interval i : intervals) {
        // a copy per interval, dropped once written: encoding caches a 200 KB buffer in the
        // histogram it encodes, which the run's result would otherwise keep for every interval
        Histogram tagged = i.histogram().copy();
        tagged.setStartTimeStamp(i.histogram().getStartTimeStamp());
        tagged.setEndTimeStamp(i.histogram().getEndTimeStamp());
        tagged.setTag(i.tag());
        log.outputIntervalHistogram(tagged);
      }
      out.flush();
      if (out.checkError()) {
        throw new IOException("cannot write " + file);
      }
    }
  }

  /** The tagged interval histograms of a log, by tag, in the order the log holds them. */
  public static Map<String, List<Histogram>> read(Path file) throws IOException {
    return read(file, tag -> true);
  }

  /**
   * The interval histograms of a log whose tags {@code wanted} accepts, packed (a log holds one per
   * series, metric and iteration: only those asked for are kept, in memory proportional to their
   * data).
   */
  public static Map<String, List<Histogram>> read(Path file, Predicate<String> wanted)
      throws IOException {
    Map<String, List<Histogram>> intervals = new LinkedHashMap<>();
    try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
      for (EncodableHistogram h = reader.nextIntervalHistogram();
          h != null;
          h = reader.nextIntervalHistogram()) {
        if (h instanceof Histogram histogram
            && histogram.getTag() != null
            && wanted.test(histogram.getTag())) {
          intervals
              .computeIfAbsent(histogram.getTag(), t -> new ArrayList<>())
              .add(Histograms.packed(histogram));
        }
      }
    }
    return intervals;
  }
}
