package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import java.util.List;

/**
 * The factory of report formats (as JMH's {@code ResultFormatFactory}): callers ask for a format by
 * what it is and never see the implementing classes.
 */
public final class ReportFormats {
  private ReportFormats() {}

  /** Every output of a run, in the order they are written (report.md last: it links the rest). */
  public static List<ReportFormat> all() {
    return List.of(
        manifest(),
        summaryCsv(),
        jmhJson(),
        biggerIsBetterJson(),
        hlog(),
        hgrm(),
        spectrumChart(Metric.TTFT),
        spectrumChart(Metric.E2E),
        percentileBarsChart(Metric.TTFT),
        percentileBarsChart(Metric.E2E),
        new SpeedScatterChart(),
        new OutcomesChart(),
        new CostChart(),
        new TimelineChart(),
        markdown());
  }

  public static ReportFormat summaryCsv() {
    return new SummaryCsvFormat();
  }

  /** result.json in JMH's JSON format. */
  public static ReportFormat jmhJson() {
    return new JmhJsonFormat();
  }

  /** bigger-is-better.json for github-action-benchmark. */
  public static ReportFormat biggerIsBetterJson() {
    return new BiggerIsBetterFormat();
  }

  /** latency.hlog: HdrHistogram interval log. */
  public static ReportFormat hlog() {
    return new HlogFormat();
  }

  /** hgrm/: HdrHistogram percentile distributions. */
  public static ReportFormat hgrm() {
    return new HgrmFormat();
  }

  /** report.md, which links the charts: write it last. */
  public static ReportFormat markdown() {
    return new MarkdownReportFormat();
  }

  public static ReportFormat manifest() {
    return new ManifestFormat();
  }

  /** Chart (b): p50/p95/p99 bars with 99.9 % CI error bars. */
  public static ReportFormat percentileBarsChart(Metric metric) {
    return new PercentileBarsChart(metric);
  }

  /** Chart (a): percentile spectrum of TTFT or E2E. */
  public static ReportFormat spectrumChart(Metric metric) {
    return new SpectrumChart(metric);
  }
}
