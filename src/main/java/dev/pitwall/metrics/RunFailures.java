package dev.pitwall.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What fails a run that finished its plan, SLOs or not: a cell none of whose measured attempts
 * succeeded (every call failed or was throttled, so the cell measured nothing), and a served
 * provider outside the suite's {@code allowed_providers} (a data-policy violation). The exit code
 * and report.md both read these, so they agree.
 */
public final class RunFailures {
  private RunFailures() {}

  /** A series served by a provider the data policy does not allow. */
  public record PolicyViolation(SeriesResult series, List<String> allowed) {
    public PolicyViolation {
      allowed = List.copyOf(allowed);
    }

    public String describe() {
      return series.key().servedProvider()
          + " served "
          + series.outcomes().total()
          + " measured attempt(s) of "
          + series.key().model()
          + " but is not in allowed_providers "
          + allowed;
    }
  }

  /**
   * The series whose served provider is not in {@code allowed}, told apart by the endpoint data in
   * {@code names} (a slug and a display name of one provider are the same); none when the list is
   * empty.
   */
  public static List<PolicyViolation> policyViolations(
      RunResult result, List<String> allowed, ProviderNames names) {
    List<PolicyViolation> out = new ArrayList<>();
    if (allowed.isEmpty()) {
      return out;
    }
    for (SeriesResult s : result.series()) {
      String served = s.key().servedProvider();
      if (!"unknown".equals(served) && allowed.stream().noneMatch(a -> names.same(a, served))) {
        out.add(new PolicyViolation(s, allowed));
      }
    }
    return out;
  }

  /**
   * The cells that sent measured attempts and got no success from any of them, each with its
   * outcome counts summed over the providers that answered.
   */
  public static Map<String, OutcomeCounts> failedCells(RunResult result) {
    Map<String, OutcomeCounts> byCell = new LinkedHashMap<>();
    for (SeriesResult s : result.series()) {
      byCell.merge(s.key().cellId(), s.outcomes(), OutcomeCounts::plus);
    }
    byCell.values().removeIf(c -> c.attempted() == 0 || c.get(Outcome.OK) > 0);
    return byCell;
  }

  /** One sentence per reason the run fails, for the console and the exit code; empty: none. */
  public static List<String> reasons(RunResult result, List<String> allowed, ProviderNames names) {
    List<String> out = new ArrayList<>();
    failedCells(result)
        .forEach(
            (cell, counts) ->
                out.add(
                    "cell "
                        + cell
                        + ": none of its "
                        + counts.attempted()
                        + " measured attempt(s) succeeded: "
                        + counts));
    for (PolicyViolation v : policyViolations(result, allowed, names)) {
      out.add("data policy: " + v.describe());
    }
    return out;
  }
}
