package dev.pitwall.report;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.metrics.SloGate;
import dev.pitwall.metrics.SloVerdict;
import dev.pitwall.runfolder.RunFolder;
import dev.pitwall.runfolder.SuiteFacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link ReportFormat} may read: the run's result, the suite facts that shape verdicts
 * and findings, the SLO verdicts, and the attempts of requests.csv (for charts over time and
 * per-request spreads; empty when the run directory has none).
 *
 * @param warnings problems met while gathering the inputs (bad requests.csv lines, ...), shown in
 *     report.md
 */
public record ReportContext(
    Path runDir,
    RunResult result,
    SuiteFacts suite,
    List<SloVerdict> verdicts,
    List<CallRecord> rows,
    List<String> warnings) {

  /** The figures of summary.csv, the console table and the bars of the charts, in this order. */
  public static final List<Metric> HEADLINE = List.of(Metric.TTFT, Metric.E2E, Metric.OUTPUT_SPEED);

  /** The context of a run folder read back: verdicts are evaluated against its SLOs again. */
  public static ReportContext of(RunFolder folder) {
    return of(folder.dir(), folder.result(), folder.facts(), folder.records(), folder.warnings());
  }

  /** A context whose SLO verdicts are those of {@code facts} on {@code result}. */
  public static ReportContext of(
      Path runDir,
      RunResult result,
      SuiteFacts facts,
      List<CallRecord> rows,
      List<String> warnings) {
    return new ReportContext(
        runDir, result, facts, SloGate.evaluate(result, facts.slos()), rows, warnings);
  }

  public ReportContext {
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(suite, "suite");
    verdicts = List.copyOf(verdicts);
    rows = List.copyOf(rows);
    warnings = List.copyOf(warnings);
  }

  /** JMH's benchmark name of a series: "<suite>.<prompt>". */
  public String benchmark(SeriesKey key) {
    return result.info().suite() + "." + key.promptId();
  }

  /**
   * The name of one row of the summary and console table: the benchmark for the primary metric
   * (TTFT), "benchmark:metric" for the others, as JMH names its secondary results.
   */
  static String rowName(String suite, SeriesKey key, Metric metric) {
    String base = suite + "." + key.promptId();
    return metric == HEADLINE.get(0) ? base : base + ":" + metric.id();
  }

  public List<SloVerdict> verdicts(SeriesKey key) {
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
