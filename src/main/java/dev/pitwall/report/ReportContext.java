package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.metrics.SloGate;
import dev.pitwall.metrics.SloVerdict;
import dev.pitwall.runfolder.RowSample;
import dev.pitwall.runfolder.RunFolder;
import dev.pitwall.runfolder.SuiteFacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link ReportFormat} may read: the run's result at its two levels (cells, all
 * providers merged, and the providers' series under them), the suite facts that shape verdicts and
 * findings, the SLO verdicts, and a bounded sample of the attempts of requests.csv (for charts over
 * time and per-request spreads; empty when the run directory has none), so no report holds every
 * row of a long run.
 *
 * @param cells {@link RunResult#cells()}, merged once for every format
 * @param verdicts the SLO verdicts of the providers' series (what the exit code judges)
 * @param warnings problems met while gathering the inputs (bad requests.csv lines, ...), shown in
 *     report.md
 * @param chartScale pixels per chart unit of the PNGs: 1 for 1200×700, 2 for HiDPI (2400×1400)
 */
public record ReportContext(
    Path runDir,
    RunResult result,
    List<SeriesResult> cells,
    SuiteFacts suite,
    List<SloVerdict> verdicts,
    RowSample sample,
    List<String> warnings,
    int chartScale) {

  /** A context whose cells are merged from {@code result}, for 1200×700 px charts. */
  public ReportContext(
      Path runDir,
      RunResult result,
      SuiteFacts suite,
      List<SloVerdict> verdicts,
      RowSample sample,
      List<String> warnings) {
    this(runDir, result, result.cells(), suite, verdicts, sample, warnings, 1);
  }

  /** The figures of summary.csv, the console table and the bars of the charts, in this order. */
  public static final List<Metric> HEADLINE = List.of(Metric.TTFT, Metric.E2E, Metric.OUTPUT_SPEED);

  /** The context of a run folder read back: verdicts are evaluated against its SLOs again. */
  public static ReportContext of(RunFolder folder) {
    return of(folder.dir(), folder.result(), folder.facts(), folder.sample(), folder.warnings());
  }

  /** A context whose SLO verdicts are those of {@code facts} on {@code result}. */
  public static ReportContext of(
      Path runDir, RunResult result, SuiteFacts facts, RowSample sample, List<String> warnings) {
    return new ReportContext(
        runDir, result, facts, SloGate.evaluate(result, facts.slos()), sample, warnings);
  }

  public ReportContext {
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(suite, "suite");
    cells = List.copyOf(cells);
    verdicts = List.copyOf(verdicts);
    Objects.requireNonNull(sample, "sample");
    warnings = List.copyOf(warnings);
    if (chartScale < 1 || chartScale > 4) {
      throw new IllegalArgumentException("chart scale must be 1 to 4, not " + chartScale);
    }
  }

  /** This context with PNGs drawn at {@code scale} × 1200×700 px. */
  public ReportContext withChartScale(int scale) {
    return new ReportContext(runDir, result, cells, suite, verdicts, sample, warnings, scale);
  }

  /** The providers' series of one cell, in the result's order. */
  /** Both levels in the order machine outputs list them: every cell, then every provider series. */
  public List<SeriesResult> cellsThenSeries() {
    List<SeriesResult> all = new java.util.ArrayList<>(cells);
    all.addAll(result.series());
    return all;
  }

  public List<SeriesResult> providersOf(SeriesKey cell) {
    return result.providersOf(cell);
  }

  /** The suffix of the providers' level, which JMH readers see as benchmarks of their own. */
  static final String BY_PROVIDER = ":by_provider";

  /**
   * JMH's benchmark name of a result: "<suite>.<prompt>" for a cell, "<suite>.<prompt>:by_provider"
   * for one provider's series, so a JMH reader never mixes the two levels.
   */
  public String benchmark(SeriesKey key) {
    return rowName(result.info().suite(), key, HEADLINE.get(0));
  }

  /**
   * The name of one row of the summary and console table: the benchmark for the primary metric
   * (TTFT), "benchmark:metric" for the others, as JMH names its secondary results; a provider's
   * series ends in ":by_provider".
   */
  static String rowName(String suite, SeriesKey key, Metric metric) {
    String base = suite + "." + key.promptId();
    String name = metric == HEADLINE.get(0) ? base : base + ":" + metric.id();
    return key.isCell() ? name : name + BY_PROVIDER;
  }

  /**
   * The verdicts of a provider's series, or of a cell (judged here, for the report's model rows;
   * the exit code judges the providers' series).
   */
  public List<SloVerdict> verdicts(SeriesKey key) {
    if (key.isCell()) {
      return SloGate.evaluate(
          cells.stream().filter(c -> c.key().equals(key)).toList(), suite.slos());
    }
    return verdicts.stream().filter(v -> v.series().equals(key)).toList();
  }

  /** "" without SLOs, "PASS", or "FAIL: " and the failed objectives. */
  public String verdictText(SeriesKey key) {
    List<SloVerdict> mine = verdicts(key);
    if (mine.isEmpty()) {
      return "";
    }
    List<String> failed = mine.stream().filter(v -> !v.passed()).map(SloVerdict::describe).toList();
    return failed.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", failed);
  }
}
