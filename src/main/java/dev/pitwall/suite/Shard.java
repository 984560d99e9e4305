package dev.pitwall.suite;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One slice of a plan for running a large suite on several machines: shard {@code index} of {@code
 * count}, 1-based ("2/4" is the second of four). {@link #select} deals the plan's cells out
 * round-robin by their position, so every cell lands in exactly one shard, the shards differ in
 * size by at most one cell, and each gets a fair share of every model (the plan already interleaves
 * models). The slice depends on the suite alone, so n machines agree without talking.
 *
 * <p>All shards usually share one API key, so the suite's per-key limits are divided by {@code
 * count} explicitly: requests and tokens per minute (global and per provider, rounded down, at
 * least 1) and the budget. The offered load (concurrency, open-loop rate) is per shard and left as
 * written.
 */
public record Shard(int index, int count) {
  public static final Shard WHOLE = new Shard(1, 1);

  public Shard {
    if (count < 1) {
      throw new IllegalArgumentException("a plan splits into at least 1 shard, not " + count);
    }
    if (index < 1 || index > count) {
      throw new IllegalArgumentException(
          "shard " + index + "/" + count + " does not exist: the index runs from 1 to " + count);
    }
  }

  /** Parses "i/n", e.g. "2/4"; the message of a bad value says what to write. */
  public static Shard parse(String text) {
    String t = text == null ? "" : text.trim();
    int slash = t.indexOf('/');
    try {
      if (slash > 0) {
        return new Shard(
            Integer.parseInt(t.substring(0, slash).trim()),
            Integer.parseInt(t.substring(slash + 1).trim()));
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--shard " + t + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        "--shard '" + text + "' is not i/n: write e.g. --shard 2/4 for the second of four shards");
  }

  /** The cells of this shard, in plan order, with the suite's per-key limits divided by count. */
  public Plan select(Plan plan) {
    List<Cell> mine = new ArrayList<>();
    List<Cell> cells = plan.cells();
    for (int i = index - 1; i < cells.size(); i += count) {
      mine.add(cells.get(i));
    }
    Suite s = plan.suite();
    Suite divided = s.withLimits(divide(s.limits()));
    return new Plan(divided, mine);
  }

  /** The suite's limits shared by {@code count} shards running at once on one key. */
  public Limits divide(Limits limits) {
    if (count == 1) {
      return limits;
    }
    Map<String, ProviderLimits> perProvider = new LinkedHashMap<>();
    limits
        .perProvider()
        .forEach(
            (p, l) ->
                perProvider.put(
                    p,
                    new ProviderLimits(
                        divide(l.requestsPerMinute()), divide(l.tokensPerMinute()))));
    BigDecimal budget =
        limits.maxCostUsd() == null
            ? null
            : limits
                .maxCostUsd()
                .divide(BigDecimal.valueOf(count), 6, RoundingMode.DOWN)
                .max(new BigDecimal("0.000001"))
                .stripTrailingZeros();
    return new Limits(
        divide(limits.requestsPerMinute()), divide(limits.tokensPerMinute()), budget, perProvider);
  }

  private Integer divide(Integer perMinute) {
    return perMinute == null ? null : Math.max(1, perMinute / count);
  }

  /** "i/n", as {@link #parse} reads it and as run settings record it under "shard". */
  @Override
  public String toString() {
    return index + "/" + count;
  }
}
