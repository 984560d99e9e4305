package dev.pitwall.history;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Phase;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.report.Manifest;
import dev.pitwall.report.RequestsCsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run folder read back: its manifest and its attempts, and a {@link RunResult} rebuilt by
 * replaying the measurement attempts through {@link RunMetrics}, one iteration at a time. The
 * replay is exact for every figure of requests.csv; ICL, whose gaps requests.csv does not keep, is
 * absent.
 */
public record RunFolder(
    Path dir, Manifest manifest, List<CallRecord> records, List<String> warnings) {
  static final String REQUESTS = "requests.csv";

  public RunFolder {
    records = List.copyOf(records);
    warnings = List.copyOf(warnings);
  }

  /** Reads manifest.json and requests.csv of {@code dir}; both must exist. */
  public static RunFolder read(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve(Manifest.FILE))) {
      throw new IOException(
          dir
              + " is not a pitwall run folder: it has no "
              + Manifest.FILE
              + " (pass a folder"
              + " such as results/<suite>/<UTC timestamp>)");
    }
    Manifest manifest = Manifest.read(dir);
    Path requests = dir.resolve(REQUESTS);
    if (!Files.isRegularFile(requests)) {
      throw new IOException(dir + " has no " + REQUESTS + "; the run's attempts are gone");
    }
    RequestsCsvReader.Result read = RequestsCsvReader.read(requests);
    return new RunFolder(dir, manifest, read.records(), read.warnings());
  }

  /** The run's id: its folder name. */
  public String runId() {
    return dir.toAbsolutePath().normalize().getFileName().toString();
  }

  public RunResult replay() {
    return replay(manifest, records);
  }

  /** Replays measurement attempts iteration by iteration, closing each on its manifest window. */
  static RunResult replay(Manifest manifest, List<CallRecord> records) {
    Map<Integer, List<CallRecord>> byIteration = new TreeMap<>();
    for (CallRecord r : records) {
      if (r.phase() == Phase.MEASUREMENT) {
        byIteration.computeIfAbsent(r.iteration(), k -> new ArrayList<>()).add(r);
      }
    }
    RunMetrics metrics = new RunMetrics();
    int ordinal = 0;
    for (List<CallRecord> iteration : byIteration.values()) {
      iteration.forEach(metrics::accept);
      long start = iteration.stream().mapToLong(CallRecord::wallStartEpochMs).min().orElse(0);
      long end = iteration.stream().mapToLong(CallRecord::wallStartEpochMs).max().orElse(0);
      if (ordinal < manifest.iterations().size()) {
        start = manifest.iterations().get(ordinal).startEpochMs();
        end = manifest.iterations().get(ordinal).endEpochMs();
      }
      metrics.endIteration(start, end);
      ordinal++;
    }
    return new RunResult(manifest.info(), metrics.results());
  }

  public RunFigures figures() {
    return RunFigures.of(runId(), replay(), records);
  }
}
