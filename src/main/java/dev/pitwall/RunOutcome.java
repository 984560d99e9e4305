package dev.pitwall;

import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SloVerdict;
import dev.pitwall.runner.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a measured run left: how it ended, where its files are, its figures and its SLO verdicts.
 *
 * @param runDir the run folder, {@code results/<suite>/<UTC timestamp>}, every output written
 * @param rateLimitWaitNanos how long the suite's rate limits held calls back, in all
 */
public record RunOutcome(
    RunStatus status,
    Path runDir,
    RunResult result,
    List<SloVerdict> verdicts,
    long rateLimitWaitNanos) {
  public RunOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(result, "result");
    verdicts = List.copyOf(verdicts);
  }

  /** Every SLO of the suite held on every series (true for a suite without SLOs). */
  public boolean slosPassed() {
    return verdicts.stream().allMatch(SloVerdict::passed);
  }

  /** The run finished its plan and every SLO held. */
  public boolean passed() {
    return status == RunStatus.COMPLETE && slosPassed();
  }

  /** Stopped early (interrupted or out of budget): the outputs say so and why. */
  public boolean partial() {
    return result.info().partial();
  }
}
