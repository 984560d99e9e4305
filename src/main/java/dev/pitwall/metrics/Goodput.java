package dev.pitwall.metrics;

import dev.pitwall.suite.Slo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which requests count toward goodput: a success that meets every SLO of the suite on its own. A
 * percentile or mean objective becomes a per-request threshold (the request's TTFT ≤ the limit,
 * ...), a rate objective requires the request to succeed, a cost objective its cost to be within
 * the limit, a speed floor its output speed to reach it.
 */
public final class Goodput {
  private Goodput() {}

  public static Predicate<CallRecord> meetsEvery(List<Slo> slos) {
    List<Predicate<CallRecord>> tests = new ArrayList<>();
    tests.add(r -> r.outcome().isSuccess());
    for (Slo slo : slos) {
      tests.add(perRequest(slo));
    }
    return r -> {
      for (Predicate<CallRecord> t : tests) {
        if (!t.test(r)) {
          return false;
        }
      }
      return true;
    };
  }

  private static Predicate<CallRecord> perRequest(Slo slo) {
    String key = slo.key();
    long limitNs = (long) (slo.limit() * 1_000_000);
    if (key.endsWith("_ms")) {
      String metric = key.substring(0, key.indexOf('_'));
      return switch (metric) {
        case "ttft" -> r -> within(r.ttftNs(), limitNs);
        case "ttfa" -> r -> within(r.ttfaNs(), limitNs);
        case "e2e" -> r -> within(r.e2eNs(), limitNs);
        case "tpot" -> r -> within(r.tpotNs(), limitNs);
        default -> r -> true; // icl is per gap, not per request
      };
    }
    return switch (key) {
      case "cost_per_call_usd" ->
          r -> r.costUsd() == null || r.costUsd().doubleValue() <= slo.limit();
      case "output_speed_min" ->
          r -> Double.isNaN(r.outputTokensPerSecond()) || r.outputTokensPerSecond() >= slo.limit();
      default -> r -> true; // error_rate, throttle_rate: the success test covers them
    };
  }

  private static boolean within(long valueNs, long limitNs) {
    return valueNs != CallRecord.NONE && valueNs <= limitNs;
  }
}
