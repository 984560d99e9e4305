package dev.pitwall.history;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.Phase;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.runfolder.RequestsCsvReader;
import dev.pitwall.runfolder.RunFolder;
import dev.pitwall.runfolder.RunLayout;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Every {@link Figure} of one run: what history.csv keeps of it and what compare reads. Latency
 * figures come from the run's histograms; rates and cost per call are scored per measurement
 * iteration from the attempts of requests.csv, so Welch's test can weigh them like latencies.
 */
public record RunFigures(RunStamp run, List<Figure> figures) {
  public RunFigures {
    Objects.requireNonNull(run, "run");
    figures = List.copyOf(figures);
  }

  /**
   * The figures of a finished run.
   *
   * @param records the run's attempts (requests.csv); warmup attempts are ignored. Empty: each rate
   *     becomes one whole-run score, which Welch's test cannot weigh.
   */
  public static RunFigures of(RunFolder folder) throws IOException {
    Tallies tallies = new Tallies();
    Path requests = folder.dir().resolve(RunLayout.REQUESTS_CSV);
    if (Files.isRegularFile(requests)) {
      RequestsCsvReader.forEach(requests, tallies);
    }
    return of(folder.runId(), folder.result(), tallies);
  }

  /** The figures of a finished run, from its result and its attempts. */
  public static RunFigures of(String runId, RunResult result, List<CallRecord> records) {
    Tallies tallies = new Tallies();
    records.forEach(tallies);
    return of(runId, result, tallies);
  }

  /**
   * The figures of a finished run, from its result and the per-iteration tallies of its attempts,
   * gathered as requests.csv streams past (a run of a million calls keeps no list of them).
   */
  public static RunFigures of(String runId, RunResult result, Tallies all) {
    Map<String, Map<Integer, Tally>> tallies = all.bySeries();
    List<Figure> figures = new ArrayList<>();
    for (SeriesResult s : result.series()) {
      figures.addAll(latencies(s));
      Map<Integer, Tally> perIteration = tallies.get(SeriesMatch.key(s.key()));
      List<Tally> iterations =
          perIteration == null ? List.of(Tally.of(s)) : List.copyOf(perIteration.values());
      long attempted = s.outcomes().attempted();
      if (attempted == 0) {
        continue;
      }
      figures.add(rate(s.key(), attempted, Measure.ERROR_RATE, iterations, Tally::errorRate));
      figures.add(rate(s.key(), attempted, Measure.THROTTLE_RATE, iterations, Tally::throttleRate));
      if (s.successes() > 0) {
        figures.add(
            rate(s.key(), attempted, Measure.COST_PER_CALL, iterations, Tally::costPerCall));
        figures.add(
            rate(
                s.key(),
                attempted,
                Measure.COST_PER_MTOK,
                iterations,
                Tally::costPerMillionTokens));
      }
    }
    figures.addAll(cellFigures(result, all.byCell()));
    return new RunFigures(RunStamp.of(runId, result.info()), figures);
  }

  /** The latency, speed and other histogram figures of one series or cell. */
  private static List<Figure> latencies(SeriesResult s) {
    List<Figure> out = new ArrayList<>();
    for (Measure m : Measure.values()) {
      if (m.metric() != null) {
        MetricResult mr = s.metric(m.metric());
        if (mr != null && mr.count() > 0) {
          out.add(
              new Figure(
                  s.key(),
                  m,
                  mr.iterationScores(),
                  mr.percentile(50),
                  mr.percentile(90),
                  mr.percentile(99),
                  mr.count(),
                  s.outcomes().attempted()));
        }
      }
    }
    return out;
  }

  /**
   * The model level of each cell that yielded several series ({@link RunResult#cells()}): its
   * latencies over every provider merged, and its error and throttle rates. A failure that names no
   * provider (the router refused, the connection dropped) is filed under an "unknown" series of its
   * own, which a per-provider rate never sees; the cell's rate over all its attempts does.
   */
  private static List<Figure> cellFigures(
      RunResult result, Map<String, Map<Integer, Tally>> tallies) {
    Map<String, List<SeriesResult>> byCell = new TreeMap<>();
    result
        .series()
        .forEach(s -> byCell.computeIfAbsent(s.key().cellId(), c -> new ArrayList<>()).add(s));
    List<SeriesResult> cells = result.cells();
    List<Figure> out = new ArrayList<>();
    byCell.forEach(
        (cell, series) -> {
          SeriesKey first = series.get(0).key();
          if (series.size() < 2 && !"auto".equals(first.requestedProvider())) {
            return; // a pinned cell's failures are already its provider's
          }
          SeriesKey key =
              SeriesKey.cell(cell, first.promptId(), first.model(), first.requestedProvider());
          cells.stream()
              .filter(c -> c.key().equals(key))
              .findFirst()
              .ifPresent(c -> out.addAll(latencies(c)));
          List<Tally> iterations;
          if (tallies.containsKey(cell)) {
            iterations = List.copyOf(tallies.get(cell).values());
          } else {
            Tally whole = new Tally();
            series.forEach(s -> whole.plus(Tally.of(s)));
            iterations = List.of(whole);
          }
          long attempted = series.stream().mapToLong(s -> s.outcomes().attempted()).sum();
          out.add(rate(key, attempted, Measure.ERROR_RATE, iterations, Tally::errorRate));
          out.add(rate(key, attempted, Measure.THROTTLE_RATE, iterations, Tally::throttleRate));
        });
    return out;
  }

  private static Figure rate(
      SeriesKey key,
      long attempted,
      Measure m,
      List<Tally> iterations,
      java.util.function.ToDoubleFunction<Tally> score) {
    double[] scores = iterations.stream().mapToDouble(score).toArray();
    return new Figure(key, m, scores, Double.NaN, Double.NaN, Double.NaN, attempted, attempted);
  }

  /**
   * Measurement attempts per group and iteration; every group has every iteration of the run, so an
   * iteration in which a group made no attempt scores NaN (and is dropped) rather than vanish.
   */
  /**
   * Error, throttle and cost tallies of the measured attempts per iteration, by series and by cell,
   * fed one attempt at a time. Every group has a tally for every iteration the run measured, so an
   * iteration in which a group made no attempt still counts as one (with nothing in it).
   */
  public static final class Tallies implements Consumer<CallRecord> {
    private final Map<String, Map<Integer, Tally>> bySeries = new HashMap<>();
    private final Map<String, Map<Integer, Tally>> byCell = new HashMap<>();
    private final TreeSet<Integer> iterations = new TreeSet<>();

    @Override
    public void accept(CallRecord r) {
      if (r.phase() != Phase.MEASUREMENT) {
        return;
      }
      iterations.add(r.iteration());
      tallyOf(bySeries, SeriesMatch.key(r), r.iteration()).add(r);
      tallyOf(byCell, r.cellId(), r.iteration()).add(r);
    }

    private static Tally tallyOf(Map<String, Map<Integer, Tally>> groups, String key, int it) {
      return groups
          .computeIfAbsent(key, k -> new TreeMap<>())
          .computeIfAbsent(it, i -> new Tally());
    }

    Map<String, Map<Integer, Tally>> bySeries() {
      return complete(bySeries);
    }

    Map<String, Map<Integer, Tally>> byCell() {
      return complete(byCell);
    }

    private Map<String, Map<Integer, Tally>> complete(Map<String, Map<Integer, Tally>> groups) {
      groups.values().forEach(m -> iterations.forEach(i -> m.computeIfAbsent(i, x -> new Tally())));
      return groups;
    }
  }

  /** The figures of one measure, keyed by {@link Figure#matchKey()}. */
  public Map<String, Figure> byMatchKey(Measure measure) {
    Map<String, Figure> out = new TreeMap<>();
    for (Figure f : figures) {
      if (f.measure() == measure) {
        out.put(f.matchKey(), f);
      }
    }
    return out;
  }

  /** Attempts of one series in one iteration. */
  private static final class Tally {
    long attempted;
    long failed;
    long throttled;
    long ok;
    long outputTokens;
    BigDecimal cost = BigDecimal.ZERO;

    static Tally of(SeriesResult s) {
      Tally t = new Tally();
      t.attempted = s.outcomes().attempted();
      t.failed = s.outcomes().failures();
      t.throttled = s.outcomes().get(Outcome.THROTTLED);
      t.ok = s.successes();
      t.outputTokens = s.completionTokens();
      t.cost = s.costUsd();
      return t;
    }

    void plus(Tally o) {
      attempted += o.attempted;
      failed += o.failed;
      throttled += o.throttled;
      ok += o.ok;
      outputTokens += o.outputTokens;
      cost = cost.add(o.cost);
    }

    void add(CallRecord r) {
      if (r.outcome() == Outcome.CANCELLED || r.outcome() == Outcome.BUDGET_STOPPED) {
        return;
      }
      attempted++;
      if (r.outcome().isFailure()) {
        failed++;
      }
      if (r.outcome() == Outcome.THROTTLED) {
        throttled++;
      }
      if (r.outcome().isSuccess()) {
        ok++;
        outputTokens += Math.max(0, r.completionTokens());
      }
      if (r.costUsd() != null) {
        cost = cost.add(r.costUsd());
      }
    }

    double errorRate() {
      return attempted == 0 ? Double.NaN : (double) failed / attempted;
    }

    double throttleRate() {
      return attempted == 0 ? Double.NaN : (double) throttled / attempted;
    }

    double costPerCall() {
      return ok == 0 ? Double.NaN : cost.doubleValue() / ok;
    }

    double costPerMillionTokens() {
      return outputTokens == 0 ? Double.NaN : cost.doubleValue() * 1e6 / outputTokens;
    }
  }
}
