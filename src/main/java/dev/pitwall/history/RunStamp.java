package dev.pitwall.history;

import dev.pitwall.metrics.RunInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * Which run a history line belongs to, and what decides whether two runs may be compared.
 *
 * @param runId the run's folder name (its UTC start, e.g. 20260131T120000Z)
 * @param settingsHash {@link Compatibility#fingerprint} of the run's effective settings
 */
public record RunStamp(
    String runId,
    Instant start,
    String suite,
    String target,
    boolean simulated,
    boolean partial,
    String gitSha,
    String settingsHash) {
  public RunStamp {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(target, "target");
    gitSha = gitSha == null ? "" : gitSha;
    settingsHash = settingsHash == null ? "" : settingsHash;
  }

  /** A {@link RunInfo} carrying what chart footers show of this run. */
  public RunInfo toInfo() {
    return new RunInfo(
        suite,
        "",
        target,
        simulated,
        start,
        start,
        partial ? "partial" : null,
        0,
        java.util.Map.of(),
        null,
        null,
        gitSha);
  }

  public static RunStamp of(String runId, RunInfo info) {
    return new RunStamp(
        runId,
        info.start(),
        info.suite(),
        info.target(),
        info.simulated(),
        info.partial(),
        info.gitSha(),
        Compatibility.fingerprint(info.settings()));
  }
}
