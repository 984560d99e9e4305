package dev.pitwall.suite;

import dev.pitwall.text.TextTable;
import dev.pitwall.text.TextTable.Align;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a plan will do, before it does it: each cell with its calls, an estimate of its prompt
 * tokens ({@link Prompt#estimatedTokens()}), its most output tokens, and the most it can cost. The
 * cost bound is computed elsewhere (the suite knows no prices) and handed in per cell, so that the
 * figure shown is the one {@code pitwall run} refuses on.
 */
public final class PlanReport {
  /**
   * One cell's estimate: tokens per call, and the most all its attempts can cost ({@code
   * maxCostUsd} null when a price is unknown).
   */
  public record CellEstimate(
      Cell cell,
      long calls,
      long promptTokensPerCall,
      Integer maxOutputTokensPerCall,
      BigDecimal maxCostUsd) {}

  private final Plan plan;
  private final List<CellEstimate> cells;

  private PlanReport(Plan plan, List<CellEstimate> cells) {
    this.plan = plan;
    this.cells = List.copyOf(cells);
  }

  /**
   * Estimates {@code plan}; {@code maxCost} gives the most a cell's attempts can cost, empty when
   * unknown.
   */
  public static PlanReport of(Plan plan, Function<Cell, Optional<BigDecimal>> maxCost) {
    long callsPerCell =
        (long) plan.suite().iterations().calls() * plan.suite().iterations().total();
    List<CellEstimate> out = new ArrayList<>();
    for (Cell cell : plan.cells()) {
      out.add(
          new CellEstimate(
              cell,
              callsPerCell,
              cell.prompt().estimatedTokens(),
              cell.request().maxTokens(),
              maxCost.apply(cell).orElse(null)));
    }
    return new PlanReport(plan, out);
  }

  public List<CellEstimate> cells() {
    return cells;
  }

  /** The most the whole plan can cost, or empty when some cell's price is unknown. */
  public Optional<BigDecimal> maxCostUsd() {
    BigDecimal sum = BigDecimal.ZERO;
    for (CellEstimate c : cells) {
      if (c.maxCostUsd() == null) {
        return Optional.empty();
      }
      sum = sum.add(c.maxCostUsd());
    }
    return Optional.of(sum);
  }

  /** The plan as a text table for the console. */
  public String render() {
    Suite s = plan.suite();
    Iterations it = s.iterations();
    boolean timeBound = it.calls() == Iterations.UNBOUNDED;
    StringBuilder b = new StringBuilder();
    b.append("suite ").append(s.name());
    if (s.source() != null) {
      b.append(" (").append(s.source()).append(')');
    }
    if (!s.description().isEmpty()) {
      b.append(": ").append(s.description());
    }
    b.append('\n');
    Load load = s.load();
    b.append("load: ")
        .append(
            load.mode() == LoadMode.CLOSED
                ? "closed loop, concurrency " + load.concurrency()
                : String.format(
                    "open loop, %s calls/s, %s arrivals, seed %d, at most %d in flight",
                    trim(load.ratePerSecond()),
                    load.arrival().name().toLowerCase(),
                    load.seed(),
                    load.concurrency()))
        .append('\n');
    b.append("iterations: warmup ")
        .append(it.warmup())
        .append(", measurement ")
        .append(it.measurement())
        .append(", ")
        .append(timeBound ? "as many calls as fit" : it.calls() + " call(s) per cell")
        .append(
            it.duration() == null
                ? ""
                : " in " + it.duration().toString().substring(2).toLowerCase() + " each")
        .append("\n\n");
    TextTable table =
        TextTable.of(Align.RIGHT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT)
            .header("#", "cell", "calls", "~in/call", "max out", "max cost $");
    for (CellEstimate c : cells) {
      table.row(
          Integer.toString(c.cell().index()),
          c.cell().id(),
          timeBound ? "-" : Long.toString(c.calls()),
          "~" + c.promptTokensPerCall(),
          c.maxOutputTokensPerCall() == null ? "-" : c.maxOutputTokensPerCall().toString(),
          timeBound || c.maxCostUsd() == null ? "?" : money(c.maxCostUsd()));
    }
    b.append(table.render());
    b.append('\n');
    b.append(cells.size()).append(" cells, ");
    if (timeBound) {
      b.append("time-bound: ")
          .append(it.total())
          .append(" iterations of ")
          .append(it.duration().toString().substring(2).toLowerCase());
    } else {
      b.append(plan.totalCalls())
          .append(" calls (")
          .append(it.warmup() * plan.callsPerIteration())
          .append(" warmup)");
      long maxOut = 0;
      boolean bounded = true;
      for (CellEstimate c : cells) {
        if (c.maxOutputTokensPerCall() == null) {
          bounded = false;
        } else {
          maxOut += (long) c.maxOutputTokensPerCall() * c.calls();
        }
      }
      b.append(
          bounded
              ? ", at most " + maxOut + " output tokens"
              : ", output unbounded (no max_tokens: the cost bound assumes "
                  + RequestParams.BOUND_MAX_TOKENS
                  + " a call)");
      b.append(
          maxCostUsd()
              .map(
                  c ->
                      ", cost at most $"
                          + money(c)
                          + (s.retries().maxRetries() > 0
                              ? " (up to " + s.retries().maxRetries() + " retries a call)"
                              : ""))
              .orElse(", cost unknown (no price for some model)"));
    }
    if (s.limits().maxCostUsd() != null) {
      b.append("; budget $").append(s.limits().maxCostUsd().toPlainString());
    }
    b.append('\n');
    return b.toString();
  }

  private static String money(BigDecimal d) {
    return d.setScale(4, RoundingMode.UP).toPlainString();
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format("%.3f", d);
  }
}
