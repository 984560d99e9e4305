package dev.pitwall;

import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SloVerdict;
import dev.pitwall.runner.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a measured run left: how it ended, where its files are, its figures, its SLO verdicts and
 * what else fails it.
 *
 * @param runDir the run folder, {@code results/<suite>/<UTC timestamp>}, every output written
 * @param failures why the run fails whatever its SLOs, one sentence each: cells none of whose
 *     measured calls succeeded, data-policy violations ({@link
 *     dev.pitwall.metrics.RunFailures#reasons})
 * @param rateLimitWaitNanos how long the suite's rate limits held calls back, in all
 */
public record RunOutcome(
    RunStatus status,
    Path runDir,
    RunResult result,
    List<SloVerdict> verdicts,
    List<String> failures,
    long rateLimitWaitNanos) {
  public RunOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(result, "result");
    verdicts = List.copyOf(verdicts);
    failures = List.copyOf(failures);
  }

  /** Every SLO of the suite held on every series (true for a suite without SLOs). */
  public boolean slosPassed() {
    return verdicts.stream().allMatch(SloVerdict::passed);
  }

  /** The run finished its plan, every SLO held and nothing else failed it. */
  public boolean passed() {
    return status == RunStatus.COMPLETE && slosPassed() && failures.isEmpty();
  }

  /** Stopped early (interrupted or out of budget): the outputs say so and why. */
  public boolean partial() {
    return result.info().partial();
  }
}
