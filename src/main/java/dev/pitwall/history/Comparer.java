package dev.pitwall.history;

import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares a run with a baseline (one run, or the trailing runs of its suite): per series and
 * measure, the difference, Welch's t-test over iteration scores, and a verdict. A change is a
 * regression only when it is both significant at the chosen confidence and beyond its measure's
 * threshold, so noise alone (significant but tiny, or large but within the spread) is unchanged.
 *
 * <p>The baseline runs' iteration scores are pooled: each run contributes its iterations, so N
 * quiet nights give Welch's test N times the samples of one.
 */
public final class Comparer {
  /** The settings of a run when its manifest can still be read, to name what differs. */
  public interface SettingsLookup extends Function<RunStamp, Optional<Map<String, String>>> {
    SettingsLookup NONE = stamp -> Optional.empty();
  }

  private Comparer() {}

  /**
   * Compares {@code current} with {@code baseline}, refusing runs that measured something else.
   *
   * @throws IncompatibleRunsException naming the first difference found
   */
  public static CompareResult compare(
      RunFigures current,
      List<RunFigures> baseline,
      CompareOptions options,
      SettingsLookup settings,
      List<String> notes) {
    if (baseline.isEmpty()) {
      throw new IncompatibleRunsException(
          "no baseline run to compare " + current.run().runId() + " with");
    }
    for (RunFigures b : baseline) {
      incompatibility(current.run(), b.run(), settings)
          .ifPresent(
              why -> {
                throw new IncompatibleRunsException(
                    "cannot compare run "
                        + current.run().runId()
                        + " with "
                        + b.run().runId()
                        + ": "
                        + why);
              });
    }
    List<Comparison> rows = new ArrayList<>();
    for (Measure m : Measure.values()) {
      Map<String, Figure> now = current.byMatchKey(m);
      Map<String, List<Figure>> before = new TreeMap<>();
      for (RunFigures b : baseline) {
        b.byMatchKey(m).forEach((k, f) -> before.computeIfAbsent(k, x -> new ArrayList<>()).add(f));
      }
      TreeSet<String> keys = new TreeSet<>(now.keySet());
      keys.addAll(before.keySet());
      for (String key : keys) {
        rows.add(compare(m, now.get(key), before.getOrDefault(key, List.of()), options));
      }
    }
    List<String> allNotes = new ArrayList<>();
    if (current.run().partial()) {
      allNotes.add(
          "run " + current.run().runId() + " is partial: its figures cover only the calls it made");
    }
    allNotes.addAll(notes);
    return new CompareResult(
        current.run(), baseline.stream().map(RunFigures::run).toList(), options, rows, allNotes);
  }

  static Comparison compare(
      Measure m, Figure current, List<Figure> baseline, CompareOptions options) {
    Threshold threshold = options.threshold(m);
    if (current == null) {
      Figure last = baseline.get(baseline.size() - 1);
      return new Comparison(
          last.series(),
          m,
          Statistics.score(pool(baseline)),
          null,
          Double.NaN,
          threshold,
          Verdict.MISSING);
    }
    if (baseline.isEmpty()) {
      return new Comparison(
          current.series(), m, null, current.score(), Double.NaN, threshold, Verdict.NEW);
    }
    double[] base = pool(baseline);
    double[] now = current.iterationScores();
    Score b = Statistics.score(base);
    Score c = Statistics.score(now);
    double p = Statistics.welchPValue(base, now);
    boolean beyond = threshold.exceededBy(b.mean(), c.mean());
    // Too few iterations for Welch's test: only a change beyond the threshold can speak.
    boolean significant = Double.isNaN(p) ? beyond : p < options.alpha();
    Verdict v = Verdict.UNCHANGED;
    if (beyond && significant) {
      boolean bigger = c.mean() > b.mean();
      v = bigger == m.biggerIsBetter() ? Verdict.IMPROVED : Verdict.REGRESSED;
    }
    return new Comparison(current.series(), m, b, c, p, threshold, v);
  }

  /** The iteration scores of every baseline run, as one sample. */
  private static double[] pool(List<Figure> figures) {
    return figures.stream()
        .flatMapToDouble(f -> java.util.Arrays.stream(f.iterationScores()))
        .toArray();
  }

  /**
   * Why {@code baseline} cannot serve as a baseline of {@code current}, or empty when it can: a
   * different suite, target, simulated flag or effective settings (named when the manifests of both
   * runs can be read).
   */
  public static Optional<String> incompatibility(
      RunStamp current, RunStamp baseline, SettingsLookup settings) {
    if (!current.suite().equals(baseline.suite())) {
      return Optional.of(
          "they ran different suites (" + current.suite() + " vs " + baseline.suite() + ")");
    }
    if (current.simulated() != baseline.simulated()) {
      return Optional.of(
          "one ran on the simulator and the other did not (simulated "
              + current.simulated()
              + " vs "
              + baseline.simulated()
              + ")");
    }
    if (!current.target().equals(baseline.target())) {
      return Optional.of(
          "they measured different targets ("
              + current.target()
              + " vs "
              + baseline.target()
              + ")");
    }
    if (!current.settingsHash().equals(baseline.settingsHash())) {
      Optional<Map<String, String>> a = settings.apply(baseline);
      Optional<Map<String, String>> b = settings.apply(current);
      if (a.isPresent() && b.isPresent()) {
        List<String> diff = Compatibility.differences(a.get(), b.get());
        if (!diff.isEmpty()) {
          return Optional.of("their settings differ (" + String.join("; ", diff) + ")");
        }
      }
      return Optional.of(
          "their settings differ (fingerprint "
              + baseline.settingsHash()
              + " vs "
              + current.settingsHash()
              + "; the manifests that would name the setting are gone)");
    }
    return Optional.empty();
  }

  /**
   * The last {@code n} complete runs before {@code current} that may serve as its baseline, oldest
   * first. Runs skipped on the way (partial, or measuring something else) are added to {@code
   * notes} with the reason.
   */
  public static List<RunFigures> trailing(
      List<RunFigures> history,
      RunStamp current,
      int n,
      SettingsLookup settings,
      List<String> notes) {
    if (n < 1) {
      throw new IllegalArgumentException("the trailing window needs at least 1 run, not " + n);
    }
    List<RunFigures> chosen = new ArrayList<>();
    List<RunFigures> sorted = new ArrayList<>(history);
    sorted.sort(java.util.Comparator.comparing((RunFigures r) -> r.run().start()).reversed());
    for (RunFigures r : sorted) {
      if (chosen.size() == n) {
        break;
      }
      RunStamp s = r.run();
      if (s.runId().equals(current.runId()) || !s.start().isBefore(current.start())) {
        continue;
      }
      if (s.partial()) {
        notes.add("baseline skips run " + s.runId() + ": it is partial");
        continue;
      }
      Optional<String> why = incompatibility(current, s, settings);
      if (why.isPresent()) {
        notes.add("baseline skips run " + s.runId() + ": " + why.get());
        continue;
      }
      chosen.add(r);
    }
    java.util.Collections.reverse(chosen);
    return chosen;
  }
}
