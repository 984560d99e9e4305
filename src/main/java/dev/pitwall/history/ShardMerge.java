package dev.pitwall.history;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Histograms;
import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.RunInfo;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.metrics.Statistics;
import dev.pitwall.report.ReportContext;
import dev.pitwall.report.ReportFormat;
import dev.pitwall.report.ReportFormats;
import dev.pitwall.report.Reports;
import dev.pitwall.runfolder.LatencyLog;
import dev.pitwall.runfolder.RequestsCsvReader;
import dev.pitwall.runfolder.RequestsCsvWriter;
import dev.pitwall.runfolder.RowSample;
import dev.pitwall.runfolder.RunFolder;
import dev.pitwall.runfolder.RunLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Combines the run folders of the shards of one suite run into one run folder. Each shard's
 * histograms come from its latency.hlog (HdrHistogram's {@link HistogramLogReader}): a series'
 * merged histogram is the exact sum of its interval histograms, so merged percentiles equal those
 * of a single run over the same calls (never averaged percentiles). Counts, tokens and cost come
 * from the shard's requests.csv; requests.csv is the union of the shards' rows, shard after shard,
 * their call ids offset so they stay unique. Rows are streamed, never held, as a report streams
 * them ({@link RowSample} for the charts).
 *
 * <p>Refused, with the reason named: shards of different suites, targets or settings, and shards
 * that overlap (a cell measured twice).
 */
public final class ShardMerge {
  private ShardMerge() {}

  /** One shard folder read back. */
  record ShardRun(RunFolder folder, RunResult replayed, Map<String, List<Histogram>> intervals) {}

  /** What a merge produced. */
  public record Merged(Path dir, RunResult result, List<String> notes) {}

  /**
   * Finds the run folders (folders holding manifest.json) at or below each path, to depth 4, so a
   * folder of downloaded CI artifacts can be passed as it is.
   */
  public static List<Path> findRuns(List<Path> paths) throws IOException {
    List<Path> runs = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new FileNotFoundException(p + " does not exist");
      }
      try (var found = Files.walk(p, 4)) {
        found.filter(RunLayout::isRunFolder).sorted().forEach(runs::add);
      }
    }
    if (runs.isEmpty()) {
      throw new IOException(
          "no run folder (one holding manifest.json) under "
              + paths.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }
    return runs;
  }

  /**
   * Merges shard folders into {@code out} (created; must not hold a run already) and writes every
   * report there.
   */
  public static Merged merge(List<Path> shardDirs, Path out) throws IOException {
    List<ShardRun> shards = new ArrayList<>();
    for (Path dir : shardDirs) {
      shards.add(read(dir));
    }
    List<String> notes = new ArrayList<>();
    checkCompatible(shards, notes);
    checkDisjoint(shards);
    RunResult result = new RunResult(mergedInfo(shards), mergedSeries(shards));
    if (RunLayout.isRunFolder(out)) {
      throw new IOException(out + " already holds a run; pass an empty --out folder");
    }
    Files.createDirectories(out);
    RunFolder first = shards.get(0).folder();
    RowSample sample = new RowSample();
    try (RequestsCsvWriter w =
        RequestsCsvWriter.open(
            out.resolve(RunLayout.REQUESTS_CSV), first.facts().providerNames())) {
      writeUnionOfRows(
          shards,
          r -> {
            w.accept(r);
            sample.accept(r);
          });
    }
    List<String> warnings = new ArrayList<>();
    shards.forEach(s -> warnings.addAll(s.folder().warnings()));
    ReportContext ctx = ReportContext.of(out, result, first.facts(), sample, warnings);
    List<String> written = new ArrayList<>(Reports.writeAll(ctx));
    for (ReportFormat extra :
        List.of(ReportFormats.hlog(), ReportFormats.hgrm(), ReportFormats.jmhJson())) {
      if (!written.contains(extra.fileName())) {
        extra.write(ctx);
      }
    }
    notes.add(
        "merged "
            + shards.size()
            + " shards ("
            + sample.seen()
            + " attempts, "
            + result.series().size()
            + " series) into "
            + out);
    return new Merged(out, result, notes);
  }

  static ShardRun read(Path dir) throws IOException {
    RunFolder folder = RunFolder.read(dir);
    Path hlog = dir.resolve(RunLayout.LATENCY_HLOG);
    if (!Files.isRegularFile(hlog)) {
      throw new IOException(
          dir
              + " has no "
              + RunLayout.LATENCY_HLOG
              + ": merging needs each shard's histogram log (re-run the shard with this pitwall"
              + " version, or regenerate its reports)");
    }
    Map<String, List<Histogram>> intervals = LatencyLog.read(hlog);
    return new ShardRun(folder, folder.result(), intervals);
  }

  private static void checkCompatible(List<ShardRun> shards, List<String> notes) {
    RunFolder first = shards.get(0).folder();
    RunStamp a = RunStamp.of(first.runId(), first.info());
    for (ShardRun s : shards.subList(1, shards.size())) {
      RunFolder m = s.folder();
      RunStamp b = RunStamp.of(s.folder().runId(), m.info());
      // As a comparison of this shard (current) with the first (baseline): "first → this".
      Comparer.incompatibility(
              b,
              a,
              stamp ->
                  java.util.Optional.of(stamp == a ? first.info().settings() : m.info().settings()))
          .ifPresent(
              why -> {
                throw new IncompatibleRunsException(
                    "cannot merge "
                        + shards.get(0).folder().dir()
                        + " with "
                        + s.folder().dir()
                        + ": "
                        + why);
              });
      if (!Objects.equals(first.facts().suiteHash(), m.facts().suiteHash())) {
        throw new IncompatibleRunsException(
            "cannot merge "
                + shards.get(0).folder().dir()
                + " with "
                + s.folder().dir()
                + ": their suite files differ ("
                + first.facts().suiteHash()
                + " vs "
                + m.facts().suiteHash()
                + ")");
      }
    }
    List<String> labels =
        shards.stream().map(s -> s.folder().info().settings().get("shard")).toList();
    if (labels.stream().allMatch(Objects::nonNull)) {
      int count = Integer.parseInt(labels.get(0).substring(labels.get(0).indexOf('/') + 1));
      if (labels.size() != count) {
        notes.add(
            "only "
                + labels.size()
                + " of "
                + count
                + " shards were given ("
                + String.join(", ", labels)
                + "): the merged run is missing cells");
      }
    }
  }

  /** A cell measured in two shards would be counted twice: refuse, naming it and both folders. */
  private static void checkDisjoint(List<ShardRun> shards) throws IOException {
    Map<String, Path> owner = new TreeMap<>();
    for (ShardRun s : shards) {
      Set<String> cells = new TreeSet<>();
      RequestsCsvReader.forEach(requestsCsv(s), r -> cells.add(r.cellId()));
      for (String cell : cells) {
        Path previous = owner.putIfAbsent(cell, s.folder().dir());
        if (previous != null) {
          throw new IncompatibleRunsException(
              "the shards overlap: cell "
                  + cell
                  + " was measured in both "
                  + previous
                  + " and "
                  + s.folder().dir()
                  + "; merge each shard once, from one sharded run (--shard i/n with the same n)");
        }
      }
    }
  }

  /**
   * Streams every shard's rows to {@code sink}, shard after shard, each in its own file order, with
   * call ids offset so they stay unique (a shard's after the largest of those before it): a merge
   * holds no shard's rows, however many calls the nightly made.
   */
  private static void writeUnionOfRows(List<ShardRun> shards, Consumer<CallRecord> sink)
      throws IOException {
    long offset = 0;
    for (ShardRun s : shards) {
      long before = offset;
      long[] largest = {0};
      RequestsCsvReader.forEach(
          requestsCsv(s),
          r -> {
            sink.accept(withCallId(r, r.callId() + before));
            largest[0] = Math.max(largest[0], r.callId());
          });
      offset += largest[0];
    }
  }

  private static Path requestsCsv(ShardRun s) {
    return s.folder().dir().resolve(RunLayout.REQUESTS_CSV);
  }

  private static CallRecord withCallId(CallRecord r, long id) {
    return id == r.callId() ? r : r.withCallId(id);
  }

  /**
   * Each series with its histograms summed from its shard's hlog intervals; counts, tokens and cost
   * from the shard's rows.
   */
  private static List<SeriesResult> mergedSeries(List<ShardRun> shards) {
    List<SeriesResult> out = new ArrayList<>();
    for (ShardRun s : shards) {
      for (SeriesResult series : s.replayed().series()) {
        Map<Metric, MetricResult> metrics = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
          List<Histogram> logged = s.intervals().get(series.key().tag() + "." + m.id());
          metrics.put(m, logged == null ? series.metric(m) : fromIntervals(m, logged, series));
        }
        out.add(
            new SeriesResult(
                series.key(),
                metrics,
                series.outcomes(),
                series.promptTokens(),
                series.completionTokens(),
                series.costUsd(),
                series.goodCalls(),
                series.measuredSeconds(),
                series.byokCalls()));
      }
    }
    out.sort(Comparator.comparing(SeriesResult::key));
    return out;
  }

  static MetricResult fromIntervals(Metric m, List<Histogram> intervals, SeriesResult series) {
    Histogram sum = Histograms.newHistogram();
    double[] scores = new double[intervals.size()];
    for (int i = 0; i < intervals.size(); i++) {
      Histogram h = intervals.get(i);
      sum.add(h);
      scores[i] = h.getTotalCount() == 0 ? Double.NaN : m.toUnit(h.getMean());
    }
    sum.setTag(series.key().tag() + "." + m.id());
    return new MetricResult(m, sum, intervals, scores, Statistics.score(scores));
  }

  private static RunInfo mergedInfo(List<ShardRun> shards) {
    RunInfo first = shards.get(0).folder().info();
    Instant start =
        shards.stream().map(s -> s.folder().info().start()).min(Instant::compareTo).get();
    Instant end = shards.stream().map(s -> s.folder().info().end()).max(Instant::compareTo).get();
    String partial =
        shards.stream()
            .filter(s -> s.folder().info().partial())
            .map(s -> s.folder().runId() + ": " + s.folder().info().partialReason())
            .collect(Collectors.joining("; "));
    Map<String, String> settings = new TreeMap<>(first.settings());
    settings.remove("shard");
    settings.put("merged_shards", Integer.toString(shards.size()));
    return new RunInfo(
        first.suite(),
        first.description(),
        first.target(),
        first.simulated(),
        start,
        end,
        partial.isEmpty() ? null : "shard partial (" + partial + ")",
        first.seed(),
        settings,
        first.pitwallVersion(),
        first.javaVersion(),
        first.gitSha());
  }
}
