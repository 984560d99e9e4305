package dev.pitwall.report;

import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.RunInfo;
import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.text.Fmt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * report.md: a Markdown report to paste into an evaluation document, answer first: a few lines
 * naming the fastest TTFT, the fastest output, the cheapest per 1M tokens and the most errors (per
 * model), the per-model table, the charts (relative links, so the folder can be moved or zipped),
 * the per-provider breakdown, findings computed from the data, run metadata, and the metric
 * definitions of docs/metrics.md so a reader knows what each figure means.
 */
final class MarkdownReportFormat implements ReportFormat {
  static final String FILE = "report.md";

  private static final Map<String, String> CAPTIONS = new TreeMap<>();

  static {
    CAPTIONS.put("charts/ttft-spectrum.png", "TTFT percentile spectrum");
    CAPTIONS.put("charts/e2e-spectrum.png", "E2E percentile spectrum");
    CAPTIONS.put("charts/ttft-percentiles.png", "TTFT p50 / p95 / p99 with 99.9 % CI");
    CAPTIONS.put("charts/e2e-percentiles.png", "E2E p50 / p95 / p99 with 99.9 % CI");
    CAPTIONS.put("charts/ttft-vs-speed.png", "TTFT vs output speed");
    CAPTIONS.put("charts/outcomes.png", "Outcomes per provider");
    CAPTIONS.put("charts/cost.png", "Cost per 1M output tokens and per call");
    CAPTIONS.put("charts/latency-over-time.png", "TTFT over time with the offered rate");
  }

  @Override
  public String fileName() {
    return FILE;
  }

  @Override
  public void write(ReportContext ctx) throws IOException {
    StringBuilder md = new StringBuilder();
    RunInfo info = ctx.result().info();
    md.append("# pitwall report: ").append(info.suite()).append("\n\n");
    if (info.simulated()) {
      md.append(
          "> **SIMULATED.** These figures come from pitwall's built-in simulator, not from a real"
              + " provider. Use them to check the harness, never to compare providers.\n\n");
    }
    if (info.partial()) {
      md.append("> **PARTIAL RUN**: ").append(info.partialReason()).append(".\n\n");
    }
    if (!info.description().isEmpty()) {
      md.append(info.description()).append("\n\n");
    }
    List<String> answer = Findings.answer(ctx);
    if (!answer.isEmpty()) {
      md.append("## Answer\n\n");
      answer.forEach(a -> md.append("- ").append(a).append('\n'));
      md.append('\n');
    }
    table(md, ctx, "## Per model", ctx.cells(), false);
    md.append("## Charts\n\n");
    for (ReportFormat f : ReportFormats.all()) {
      if (f.fileName().endsWith(".png")) {
        String caption = CAPTIONS.getOrDefault(f.fileName(), f.fileName());
        md.append("### ").append(caption).append("\n\n");
        md.append("![").append(caption).append("](").append(f.fileName()).append(")\n\n");
      }
    }
    table(md, ctx, "## Per served provider", ctx.result().series(), true);
    md.append("## Findings\n\n");
    List<String> findings = Findings.of(ctx);
    if (findings.isEmpty()) {
      md.append("Nothing notable: no fallback, error, throttling or failed SLO.\n");
    }
    findings.forEach(f -> md.append("- ").append(f).append('\n'));
    md.append('\n');
    if (!ctx.warnings().isEmpty()) {
      md.append("## Warnings while reading the run\n\n");
      ctx.warnings().forEach(w -> md.append("- ").append(cell(w)).append('\n'));
      md.append('\n');
    }
    metadata(md, ctx);
    md.append(DEFINITIONS);
    Files.writeString(ctx.runDir().resolve(FILE), md.toString(), StandardCharsets.UTF_8);
  }

  private static void metadata(StringBuilder md, ReportContext ctx) {
    RunInfo info = ctx.result().info();
    md.append("## Run\n\n| | |\n|---|---|\n");
    row(md, "suite", info.suite());
    row(md, "target", info.target());
    row(md, "simulated", info.simulated() ? "yes" : "no");
    row(md, "start (UTC)", info.start().toString());
    row(md, "end (UTC)", info.end().toString());
    row(
        md,
        "duration",
        Fmt.fixed(Duration.between(info.start(), info.end()).toMillis() / 1000.0, 1) + " s");
    row(md, "complete", info.partial() ? "no: " + info.partialReason() : "yes");
    row(md, "seed", Long.toString(info.seed()));
    row(md, "git SHA", info.gitSha());
    row(md, "pitwall", info.pitwallVersion());
    row(md, "Java", info.javaVersion());
    row(md, "suite hash", ctx.suite().suiteHash());
    md.append('\n');
    if (!info.settings().isEmpty()) {
      md.append("### Effective settings\n\n| setting | value |\n|---|---|\n");
      new TreeMap<>(info.settings()).forEach((k, v) -> row(md, k, v));
      md.append('\n');
    }
  }

  /** The table of one level: the cells (model first) or the providers' series under them. */
  private static void table(
      StringBuilder md,
      ReportContext ctx,
      String heading,
      List<SeriesResult> results,
      boolean byProvider) {
    md.append(heading).append("\n\n");
    if (results.isEmpty()) {
      md.append("No measured calls.\n\n");
      return;
    }
    md.append(
        byProvider
            ? "Each cell split by the provider that served its calls.\n\n"
            : "Each model (or model@provider for a pinned cell) over all providers that served it."
                + " Latencies in ms. Score = mean of iteration means ± 99.9 % CI (JMH; n/a below "
                + Score.MIN_ITERATIONS
                + " iterations); percentiles from all measured calls (with fewer than 100 calls"
                + " p99 is close to the maximum).\n\n");
    md.append(byProvider ? "| model | provider |" : "| model |")
        .append(
            " calls | ok | errors | 429 | TTFT score | TTFT p50 | TTFT p99 | E2E p50 | E2E p99 |"
                + " tokens/s p50 | $/call | $/1M out | SLO |\n")
        .append(byProvider ? "|---|---|" : "|---|")
        .append("--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
    for (SeriesResult s : results) {
      MetricResult ttft = s.metric(Metric.TTFT);
      MetricResult e2e = s.metric(Metric.E2E);
      Score score = ttft.score();
      String scoreText =
          Double.isNaN(score.mean())
              ? "–"
              : Fmt.fixed(score.mean(), 1) + " ± " + score.errorText(1);
      List<String> cells = new ArrayList<>();
      cells.add(cell(s.key().isCell() ? s.key().cellLabel() : s.key().model()));
      if (byProvider) {
        cells.add(cell(s.key().servedProvider()));
      }
      cells.addAll(
          List.of(
              Long.toString(s.outcomes().total()),
              Long.toString(s.successes()),
              Long.toString(s.outcomes().failures()),
              Long.toString(s.outcomes().get(Outcome.THROTTLED)),
              scoreText,
              dash(Fmt.fixed(ttft.percentile(50), 1)),
              dash(Fmt.fixed(ttft.percentile(99), 1)),
              dash(Fmt.fixed(e2e.percentile(50), 1)),
              dash(Fmt.fixed(e2e.percentile(99), 1)),
              dash(Fmt.fixed(s.metric(Metric.OUTPUT_SPEED).percentile(50), 1)),
              dash(Fmt.money(s.costPerCall(), 6)),
              dash(Fmt.money(s.costPerMillionOutputTokens(), 2)),
              dash(cell(ctx.verdictText(s.key())))));
      md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    md.append('\n');
  }

  private static void row(StringBuilder md, String key, String value) {
    md.append("| ").append(cell(key)).append(" | ").append(dash(cell(value))).append(" |\n");
  }

  private static String dash(String s) {
    return s == null || s.isEmpty() ? "–" : s;
  }

  /** Table-safe text: a '|' would end the cell. */
  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace('\n', ' ');
  }

  static final String DEFINITIONS =
      """
      ## What is measured

      All stamps come from one monotonic clock (nanoseconds).

      | stamp | meaning |
      |---|---|
      | `t_sched` | when the schedule intended the call to start |
      | `t_send` | when the request was handed to the transport |
      | `t_first` | first SSE event carrying at least one generated token on any channel (content, reasoning, tool arguments); role-only, empty, comment and usage-only events do not count |
      | `t_answer` | first visible content token |
      | `t_last` | last token-bearing event |
      | `t_done` | `[DONE]` or end of stream |

      - **TTFT** = t_first − t_send; **TTFA** = t_answer − t_send; **E2E** = t_last − t_send (non-streaming: response end).
      - Scheduled variants start from t_sched; **dispatch delay** = t_send − t_sched. In open loop the scheduled variants are free of coordinated omission.
      - **N_out** = `usage.completion_tokens`; when absent, an estimate marked `token_source=estimated`.
      - **TPOT** = (t_last − t_first) / (N_out − 1) per request; **output speed** = 1 / TPOT (tokens/s).
      - **ICL** = gaps between token-bearing events (its own histogram); it is not per-token latency.
      - **Throughput** = Σ N_out of successes ÷ the measured window; **goodput** = requests meeting every SLO ÷ window.
      - **Error rate** = failed ÷ attempted; a 429 counts as *throttled*, apart from failures; each retry is its own attempt.
      - **Cost** = `usage.cost` when the API returns it, else tokens × the model's pricing.
      - **Served provider** = the provider the response names; a **fallback** is a served provider that differs from the first one requested.

      Statistics follow JMH: warmup iterations are discarded; a measurement iteration is a batch of calls per cell; score = mean of iteration scores, error = Student-t half-width at 99.9 %; percentiles come from the merged HdrHistogram (3 significant digits). Requests are not independent samples, so no interval is computed over single requests.
      """;
}
