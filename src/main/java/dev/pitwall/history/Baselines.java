package dev.pitwall.history;

import dev.pitwall.runfolder.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Gathers both sides of a comparison from the results folder: the run (a run folder, or a suite
 * folder meaning its newest run) and its baseline (another run folder, or the trailing runs of the
 * suite's history). Warnings of the history (lines skipped) become notes of the result.
 */
public final class Baselines {
  /** The history holds no earlier run this one may be compared with (the first nights). */
  public static final class NoBaselineException extends IncompatibleRunsException {
    private static final long serialVersionUID = 1L;

    NoBaselineException(String message) {
      super(message);
    }
  }

  private Baselines() {}

  /** A run folder as given, or the newest run folder of a suite folder. */
  public static Path resolveRun(Path path) throws IOException {
    if (RunLayout.isRunFolder(path)) {
      return path;
    }
    if (Files.isDirectory(path)) {
      try (Stream<Path> children = Files.list(path)) {
        Path newest =
            children
                .filter(RunLayout::isRunFolder)
                .max(java.util.Comparator.comparing(p -> p.getFileName().toString()))
                .orElse(null);
        if (newest != null) {
          return newest;
        }
      }
    }
    throw new IOException(
        path
            + " is neither a run folder (with manifest.json) nor a suite folder holding runs;"
            + " pass results/<suite>/<UTC timestamp> or results/<suite>");
  }

  /** Compares the run with one baseline run folder. */
  public static CompareResult againstRun(Path runDir, Path baselineDir, CompareOptions options)
      throws IOException {
    List<String> notes = new ArrayList<>();
    HistoryCsv.Read history = History.load(History.fileOf(runDir));
    HistoryCsv.Read baseHistory = History.load(History.fileOf(baselineDir));
    RunFigures current = History.figuresOf(runDir, history);
    RunFigures baseline = History.figuresOf(baselineDir, baseHistory);
    Comparer.SettingsLookup settings =
        stamp ->
            History.settingsBeside(History.fileOf(runDir).getParent())
                .apply(stamp)
                .or(
                    () ->
                        History.settingsBeside(History.fileOf(baselineDir).getParent())
                            .apply(stamp));
    return Comparer.compare(current, List.of(baseline), options, settings, notes);
  }

  /** Compares the run with the last {@code n} comparable runs of its suite's history. */
  public static CompareResult againstTrailing(Path runDir, int n, CompareOptions options)
      throws IOException {
    Path file = History.fileOf(runDir);
    HistoryCsv.Read history = History.load(file);
    List<String> notes = new ArrayList<>(history.warnings());
    RunFigures current = History.figuresOf(runDir, history);
    Comparer.SettingsLookup settings = History.settingsBeside(file.getParent());
    List<RunFigures> base = Comparer.trailing(history.runs(), current.run(), n, settings, notes);
    if (base.isEmpty()) {
      throw new NoBaselineException(
          "no earlier comparable run of "
              + current.run().suite()
              + " in "
              + file
              + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")")
              + "; the first nights only build the history");
    }
    return Comparer.compare(current, base, options, settings, notes);
  }

  /**
   * Writes the suite's trend charts into {@code dir}: the last {@code last + 1} runs of the history
   * up to and including the compared run, regressions judged against {@code last} runs each.
   */
  public static List<String> writeTrends(Path dir, Path runDir, CompareResult r, int last)
      throws IOException {
    List<RunFigures> upToNow =
        History.load(History.fileOf(runDir)).runs().stream()
            .filter(f -> !f.run().start().isAfter(r.current().start()))
            .toList();
    return TrendCharts.write(dir, upToNow, last + 1, last, r.options());
  }
}
