package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.text.Fmt;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * summary.csv: one row per cell × headline metric (all providers merged), then one per served
 * provider's series × headline metric. The first columns are JMH's CSV columns, so tools that read
 * JMH results read this file; the benchmark of the primary metric (TTFT) is "<suite>.<prompt>" and
 * secondary metrics are "<suite>.<prompt>:<metric>", as JMH names its secondary results; the
 * providers' rows end in ":by_provider" and name their provider ("all" on a cell's rows). pitwall's
 * own columns follow. An undefined number (no data; a score error with fewer than three iterations,
 * which JMH would print as NaN) is an empty cell, so no "NaN" reaches a spreadsheet.
 */
final class SummaryCsvFormat implements ReportFormat {
  static final String FILE = "summary.csv";
  static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};

  static final List<String> HEADER =
      List.of(
          "Benchmark",
          "Mode",
          "Threads",
          "Samples",
          "Score",
          "Score Error (99.9%)",
          "Unit",
          "Param: model",
          "Param: provider",
          "Param: requested_provider",
          "Param: cell",
          "metric",
          "calls",
          "ok",
          "errors",
          "throttled",
          "p50",
          "p90",
          "p95",
          "p99",
          "p99.9",
          "max",
          "error_rate",
          "throttle_rate",
          "throughput_tokens_per_s",
          "goodput_per_s",
          "slo_attainment",
          "prompt_tokens",
          "completion_tokens",
          "cost_usd",
          "cost_per_call_usd",
          "cost_per_1m_output_tokens_usd",
          "slo",
          "byok_calls");

  // JMH quotes its text columns and leaves numbers bare; quoting all non-numeric cells does both.
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setRecordSeparator("\n")
          .setQuoteMode(QuoteMode.NON_NUMERIC)
          .setHeader(HEADER.toArray(String[]::new))
          .get();

  @Override
  public String fileName() {
    return FILE;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    try (Writer out = Files.newBufferedWriter(ctx.runDir().resolve(FILE), StandardCharsets.UTF_8);
        CSVPrinter printer = FORMAT.print(out)) {
      for (List<SeriesResult> level : List.of(ctx.cells(), ctx.result().series())) {
        for (SeriesResult s : level) {
          for (Metric metric : ReportContext.HEADLINE) {
            printer.printRecord(row(ctx, s, metric));
          }
        }
      }
    }
  }

  private static List<Object> row(ReportContext ctx, SeriesResult s, Metric metric) {
    MetricResult m = s.metric(metric);
    Score score = m.score();
    List<Object> row = new ArrayList<>(HEADER.size());
    row.add(ReportContext.rowName(ctx.result().info().suite(), s.key(), metric));
    row.add("sample");
    row.add(ctx.suite().threads());
    row.add(score.iterations());
    row.add(number(Fmt.fixed(score.mean(), 3)));
    row.add(number(score.hasInterval() ? Fmt.fixed(score.error(), 3) : ""));
    row.add(metric.jmhUnit());
    row.add(s.key().model());
    row.add(s.key().servedProvider());
    row.add(s.key().requestedProvider());
    row.add(s.key().cellId());
    row.add(metric.id());
    row.add(s.outcomes().total());
    row.add(s.successes());
    row.add(s.outcomes().failures());
    row.add(s.outcomes().get(Outcome.THROTTLED));
    for (double p : PERCENTILES) {
      row.add(number(Fmt.fixed(m.percentile(p), 3)));
    }
    row.add(number(Fmt.fixed(m.percentile(100), 3)));
    row.add(number(Fmt.fixed(s.outcomes().errorRate(), 4)));
    row.add(number(Fmt.fixed(s.outcomes().throttleRate(), 4)));
    row.add(number(Fmt.fixed(s.throughputTokensPerSecond(), 3)));
    row.add(number(Fmt.fixed(s.goodputPerSecond(), 4)));
    row.add(number(Fmt.fixed(s.sloAttainment(), 4)));
    row.add(s.promptTokens());
    row.add(s.completionTokens());
    row.add(number(Fmt.money(s.costUsd(), 6)));
    row.add(number(Fmt.money(s.costPerCall(), 6)));
    row.add(number(Fmt.money(s.costPerMillionOutputTokens(), 4)));
    row.add(ctx.verdictText(s.key()));
    row.add(s.byokCalls());
    return row;
  }

  /**
   * A formatted number handed to the printer as a number, so NON_NUMERIC quoting leaves it bare; an
   * absent value stays an empty cell.
   */
  private static Object number(String formatted) {
    if (formatted.isEmpty()) {
      return null;
    }
    return new Decimal(formatted);
  }

  /** A number that prints exactly as formatted (BigDecimal.toString may switch to 1E-7). */
  @SuppressWarnings("serial")
  private static final class Decimal extends Number {
    private final String text;

    Decimal(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }

    @Override
    public int intValue() {
      return (int) doubleValue();
    }

    @Override
    public long longValue() {
      return (long) doubleValue();
    }

    @Override
    public float floatValue() {
      return (float) doubleValue();
    }

    @Override
    public double doubleValue() {
      return Double.parseDouble(text);
    }
  }
}
