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
 * attempts of requests.csv are fed through {@link RunMetrics} exactly as the runner fed them, one
 * measurement iteration at a time, each closed with the window manifest.json recorded (or, without
 * one, the window its rows span). The result equals the original's except for inter-chunk latency,
 * which requests.csv does not keep.
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
    RequestsCsvReader.Result read = RequestsCsvReader.read(requests);
    List<String> warnings = new ArrayList<>(read.warnings());
    List<CallRecord> rows = read.records();

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

    Map<Integer, List<CallRecord>> byIteration = new TreeMap<>();
    for (CallRecord r : rows) {
      if (r.phase() == Phase.MEASUREMENT) {
        byIteration.computeIfAbsent(r.iteration(), i -> new ArrayList<>()).add(r);
      }
    }
    List<Manifest.IterationWindow> windows = manifest == null ? List.of() : manifest.iterations();
    boolean useManifestWindows = windows.size() == byIteration.size();
    if (manifest != null && !useManifestWindows) {
      warnings.add(
          RunLayout.MANIFEST_JSON
              + " records "
              + windows.size()
              + " measurement iterations but requests.csv has rows for "
              + byIteration.size()
              + ": iteration windows (and throughput) are taken from the rows");
    }
    Map<String, List<Histogram>> gaps =
        useManifestWindows ? interChunkGaps(runDir, warnings) : Map.of();
    SuiteFacts facts = manifest != null ? manifest.facts() : SuiteFacts.UNKNOWN;
    RunMetrics metrics = new RunMetrics(Goodput.meetsEvery(facts.slos()), facts.providerNames());
    int index = 0;
    for (List<CallRecord> iteration : byIteration.values()) {
      iteration.forEach(metrics::accept);
      Manifest.IterationWindow w = useManifestWindows ? windows.get(index) : windowOf(iteration);
      replayGaps(metrics, iteration, gaps, w.startEpochMs());
      metrics.endIteration(w.startEpochMs(), w.endEpochMs());
      index++;
    }
    RunInfo info = manifest != null ? manifest.info() : infoFromRows(runDir, rows);
    RunResult result = new RunResult(info, metrics.results());
    return new RunFolder(runDir, result, facts, rows, warnings);
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
      LatencyLog.read(hlog)
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
   * successful rows (RunMetrics files gaps by the record's series).
   */
  private static void replayGaps(
      RunMetrics metrics,
      List<CallRecord> iteration,
      Map<String, List<Histogram>> gaps,
      long startMs) {
    if (gaps.isEmpty()) {
      return;
    }
    Map<String, CallRecord> bySeries = new HashMap<>();
    for (CallRecord r : iteration) {
      if (r.outcome().isSuccess()) {
        bySeries.putIfAbsent(SeriesKey.of(r).tag(), r);
      }
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

  /** From the first send to the last end among the iteration's rows. */
  static Manifest.IterationWindow windowOf(List<CallRecord> rows) {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (CallRecord r : rows) {
      start = Math.min(start, r.wallStartEpochMs());
      long last = r.tDoneNs() != CallRecord.NONE ? r.tDoneNs() : r.tLastNs();
      long durationMs =
          last == CallRecord.NONE || r.tSendNs() == CallRecord.NONE
              ? 0
              : (last - r.tSendNs()) / 1_000_000L;
      end = Math.max(end, r.wallStartEpochMs() + durationMs);
    }
    return new Manifest.IterationWindow(start, end);
  }

  private static RunInfo infoFromRows(Path runDir, List<CallRecord> rows) {
    long first = rows.stream().mapToLong(CallRecord::wallStartEpochMs).min().orElse(0);
    long last = rows.stream().mapToLong(CallRecord::wallStartEpochMs).max().orElse(first);
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
