package dev.pitwall.history;

import dev.pitwall.metrics.RunResult;
import dev.pitwall.runfolder.Manifest;
import dev.pitwall.runfolder.RequestsCsvReader;
import dev.pitwall.runfolder.RunFolder;
import dev.pitwall.runfolder.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The history of a suite: results/&lt;suite&gt;/history.csv beside its run folders. {@link #append}
 * is called at the end of every run; {@link #load} and {@link #figuresOf} feed {@code pitwall
 * compare} and the trend charts.
 */
public final class History {
  private History() {}

  /**
   * Appends one line per series × measure of a finished run to {@code runDir/../history.csv}. Rates
   * and cost per call are scored per iteration from {@code runDir/requests.csv} when it is there. A
   * run already in the history is not appended twice.
   *
   * @param runDir the run's folder, {@code results/<suite>/<UTC timestamp>}
   * @return the history file
   */
  public static Path append(Path runDir, RunResult result) throws IOException {
    Path file = fileOf(runDir);
    if (result.info().settings().containsKey("shard")) {
      // One shard is a slice of a run: only the merged run belongs in the history.
      return file;
    }
    String runId = RunLayout.runId(runDir);
    if (Files.isRegularFile(file)
        && load(file).runs().stream().anyMatch(r -> r.run().runId().equals(runId))) {
      return file;
    }
    // requests.csv streams into the tallies: a run of a million calls is never held as a list.
    RunFigures.Tallies tallies = new RunFigures.Tallies();
    Path requests = runDir.resolve(RunLayout.REQUESTS_CSV);
    if (Files.isRegularFile(requests)) {
      RequestsCsvReader.forEach(requests, tallies);
    }
    HistoryCsv.append(file, RunFigures.of(runId, result, tallies));
    return file;
  }

  /** The history file of the suite a run folder belongs to. */
  public static Path fileOf(Path runDir) {
    return RunLayout.historyOf(runDir);
  }

  public static HistoryCsv.Read load(Path historyFile) throws IOException {
    return HistoryCsv.read(historyFile);
  }

  /**
   * The figures of a run folder: its lines in the suite's history when it has some, else rebuilt
   * from the folder's manifest.json and requests.csv.
   */
  public static RunFigures figuresOf(Path runDir, HistoryCsv.Read history) throws IOException {
    String runId = RunLayout.runId(runDir);
    for (RunFigures r : history.runs()) {
      if (r.run().runId().equals(runId)) {
        return r;
      }
    }
    return RunFigures.of(RunFolder.read(runDir));
  }

  /** Reads the settings of a run from its folder's manifest beside the history, when it exists. */
  public static Comparer.SettingsLookup settingsBeside(Path suiteDir) {
    return stamp -> {
      Path dir = suiteDir.resolve(stamp.runId());
      if (!RunLayout.isRunFolder(dir)) {
        return Optional.empty();
      }
      try {
        Map<String, String> settings = Manifest.read(dir).info().settings();
        return Optional.of(settings);
      } catch (IOException e) {
        return Optional.empty();
      }
    };
  }
}
