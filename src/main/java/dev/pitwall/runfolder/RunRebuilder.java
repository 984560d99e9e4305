package dev.pitwall.runfolder;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Goodput;
import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.Phase;
import dev.pitwall.metrics.RunInfo;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SeriesKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Rebuilds a {@link RunFolder} from what a folder holds, for {@code pitwall report DIR}: the
 * attempts of requests.csv are streamed through {@link RunMetrics} exactly as the runner fed them,
 * one measurement iteration at a time, each closed with the window manifest.json recorded (or,
 * without one, the window its rows span), in one pass that keeps no list of rows (a bounded {@link
 * RowSample} for the per-call charts). Inter-chunk latency, which requests.csv does not keep, is
 * replayed from latency.hlog.
 */
final class RunRebuilder {
  private RunRebuilder() {}

  static RunFolder rebuild(Path runDir) throws IOException {
    Path requests = runDir.resolve(RunLayout.REQUESTS_CSV);
    if (!Files.isRegularFile(requests)) {
      throw new IOException(
          "no "
              + RunLayout.REQUESTS_CSV
              + " in "
              + runDir
              + ": pass the folder of one run, e.g. results/cap-theorem/2026-01-31T12-00-00Z");
    }
    List<String> warnings = new ArrayList<>();
    Manifest manifest = null;
    if (RunLayout.isRunFolder(runDir)) {
      try {
        manifest = Manifest.read(runDir);
      } catch (IOException e) {
        warnings.add(e.getMessage() + "; using what requests.csv shows instead");
      }
    } else {
      warnings.add(
          RunLayout.MANIFEST_JSON
              + " is missing: suite name, target and SLOs are unknown; rebuilt from rows");
    }
    SuiteFacts facts = manifest != null ? manifest.facts() : SuiteFacts.UNKNOWN;
    List<Manifest.IterationWindow> windows = manifest == null ? List.of() : manifest.iterations();
    List<String> hlogWarnings = new ArrayList<>();
    Map<String, List<Histogram>> gaps =
        windows.isEmpty() ? Map.of() : interChunkGaps(runDir, hlogWarnings);

    // One streaming pass: the rows feed the metrics iteration by iteration as the runner wrote
    // them, and a bounded sample for the per-call charts; no list of every row is kept.
    RowSample sample = new RowSample();
    Replay replay = new Replay(facts, windows, gaps);
    warnings.addAll(
        RequestsCsvReader.forEach(
            requests,
            r -> {
              sample.accept(r);
              replay.accept(r);
            }));
    RunMetrics metrics;
    if (replay.inOrder() && (manifest == null || replay.iterations() == windows.size())) {
      metrics = replay.finish();
      warnings.addAll(hlogWarnings);
    } else {
      // Rare: rows of an earlier iteration after a later one (a hand-merged file), or a manifest
      // whose iterations disagree with the rows. A second pass groups the rows by iteration.
      Map<Integer, List<CallRecord>> byIteration = new TreeMap<>();
      RequestsCsvReader.forEach(
          requests,
          r -> {
            if (r.phase() == Phase.MEASUREMENT) {
              byIteration.computeIfAbsent(r.iteration(), i -> new ArrayList<>()).add(r);
            }
          });
      boolean useWindows = windows.size() == byIteration.size();
      if (manifest != null && !useWindows) {
        warnings.add(
            RunLayout.MANIFEST_JSON
                + " records "
                + windows.size()
                + " measurement iterations but requests.csv has rows for "
                + byIteration.size()
                + ": iteration windows (and throughput) are taken from the rows");
      } else {
        warnings.addAll(hlogWarnings);
      }
      Replay ordered =
          new Replay(facts, useWindows ? windows : List.of(), useWindows ? gaps : Map.of());
      byIteration.values().forEach(rows -> rows.forEach(ordered));
      metrics = ordered.finish();
    }
    RunInfo info = manifest != null ? manifest.info() : replay.infoFromRows(runDir);
    RunResult result = new RunResult(info, metrics.results());
    return new RunFolder(runDir, result, facts, sample, warnings);
  }

  /**
   * Feeds measurement rows to {@link RunMetrics} one iteration at a time, closing each with the
   * manifest's window (or, without one, the window its rows span) and replaying its ICL gaps. Holds
   * only the current iteration's window and one successful row per series.
   */
  private static final class Replay implements java.util.function.Consumer<CallRecord> {
    private final RunMetrics metrics;
    private final List<Manifest.IterationWindow> windows;
    private final Map<String, List<Histogram>> gaps;
    private final Map<String, CallRecord> successBySeries = new HashMap<>();
    private Integer current;
    private int index;
    private boolean inOrder = true;
    private long start = Long.MAX_VALUE;
    private long end = Long.MIN_VALUE;
    private long firstWallMs = Long.MAX_VALUE;
    private long lastWallMs = Long.MIN_VALUE;

    Replay(
        SuiteFacts facts,
        List<Manifest.IterationWindow> windows,
        Map<String, List<Histogram>> gaps) {
      this.metrics = new RunMetrics(Goodput.meetsEvery(facts.slos()), facts.providerNames());
      this.windows = windows;
      this.gaps = gaps;
    }

    @Override
    public void accept(CallRecord r) {
      firstWallMs = Math.min(firstWallMs, r.wallStartEpochMs());
      lastWallMs = Math.max(lastWallMs, r.wallStartEpochMs());
      if (r.phase() != Phase.MEASUREMENT || !inOrder) {
        return;
      }
      if (current != null && r.iteration() < current) {
        inOrder = false;
        return;
      }
      if (current == null || r.iteration() > current) {
        close();
        current = r.iteration();
      }
      metrics.accept(r);
      start = Math.min(start, r.wallStartEpochMs());
      end = Math.max(end, endEpochMs(r));
      if (r.outcome().isSuccess()) {
        successBySeries.putIfAbsent(SeriesKey.of(r).tag(), r);
      }
    }

    private void close() {
      if (current == null) {
        return;
      }
      Manifest.IterationWindow w =
          index < windows.size() ? windows.get(index) : new Manifest.IterationWindow(start, end);
      replayGaps(metrics, successBySeries, gaps, w.startEpochMs());
      metrics.endIteration(w.startEpochMs(), w.endEpochMs());
      index++;
      successBySeries.clear();
      start = Long.MAX_VALUE;
      end = Long.MIN_VALUE;
    }

    boolean inOrder() {
      return inOrder;
    }

    /** Measurement iterations seen so far. */
    int iterations() {
      return index + (current == null ? 0 : 1);
    }

    RunMetrics finish() {
      close();
      current = null;
      return metrics;
    }

    /** A run's info from its rows alone, for a folder without manifest.json. */
    RunInfo infoFromRows(Path runDir) {
      long first = firstWallMs == Long.MAX_VALUE ? 0 : firstWallMs;
      long last = lastWallMs == Long.MIN_VALUE ? first : lastWallMs;
      Path parent = runDir.toAbsolutePath().normalize().getParent();
      String suite = parent == null ? "unknown" : parent.getFileName().toString();
      return new RunInfo(
          suite,
          "",
          "unknown",
          false,
          Instant.ofEpochMilli(first),
          Instant.ofEpochMilli(last),
          null,
          0,
          Map.of(),
          null,
          System.getProperty("java.version"),
          null);
    }
  }

  private static final String ICL_SUFFIX = "." + Metric.ICL.id();

  /**
   * The ICL interval histograms of latency.hlog, by series tag. Missing or unreadable: a warning,
   * and ICL stays empty.
   */
  static Map<String, List<Histogram>> interChunkGaps(Path runDir, List<String> warnings) {
    Path hlog = runDir.resolve(RunLayout.LATENCY_HLOG);
    Map<String, List<Histogram>> gaps = new HashMap<>();
    if (!Files.isRegularFile(hlog)) {
      warnings.add(
          RunLayout.LATENCY_HLOG + " is missing: inter-chunk latency (ICL) cannot be rebuilt");
      return gaps;
    }
    try {
      LatencyLog.read(hlog, tag -> tag.endsWith(ICL_SUFFIX))
          .forEach(
              (tag, intervals) -> {
                if (tag.endsWith(ICL_SUFFIX)) {
                  gaps.put(tag.substring(0, tag.length() - ICL_SUFFIX.length()), intervals);
                }
              });
    } catch (IOException | RuntimeException e) {
      warnings.add(
          RunLayout.LATENCY_HLOG
              + " is unreadable ("
              + e.getMessage()
              + "): ICL cannot be rebuilt");
      gaps.clear();
    }
    return gaps;
  }

  /**
   * Records each series' ICL interval of this iteration, value by value, against one of the series'
   * successful rows of the iteration (RunMetrics files gaps by the record's series).
   */
  private static void replayGaps(
      RunMetrics metrics,
      Map<String, CallRecord> bySeries,
      Map<String, List<Histogram>> gaps,
      long startMs) {
    if (gaps.isEmpty()) {
      return;
    }
    for (Map.Entry<String, CallRecord> e : bySeries.entrySet()) {
      // the log keeps start times as seconds with 3 decimals: match to the ms, allowing rounding
      Histogram h =
          gaps.getOrDefault(e.getKey(), List.of()).stream()
              .filter(g -> Math.abs(g.getStartTimeStamp() - startMs) <= 1)
              .findFirst()
              .orElse(null);
      if (h == null || h.getTotalCount() == 0) {
        continue;
      }
      long[] gapsNs = new long[Math.toIntExact(h.getTotalCount())];
      int n = 0;
      for (HistogramIterationValue v : h.recordedValues()) {
        for (long i = 0; i < v.getCountAtValueIteratedTo(); i++) {
          gapsNs[n++] = v.getValueIteratedTo() * 1000L; // recorded in µs
        }
      }
      metrics.recordGaps(e.getValue(), gapsNs, n);
    }
  }

  /** When an attempt ended, epoch ms: its send plus its duration to the last stamp it got. */
  private static long endEpochMs(CallRecord r) {
    long last = r.tDoneNs() != CallRecord.NONE ? r.tDoneNs() : r.tLastNs();
    long durationMs =
        last == CallRecord.NONE || r.tSendNs() == CallRecord.NONE
            ? 0
            : (last - r.tSendNs()) / 1_000_000L;
    return r.wallStartEpochMs() + durationMs;
  }
}
