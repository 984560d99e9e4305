package dev.pitwall.metrics;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a reader needs to trust and reproduce a run: which suite, against what, when, with which
 * settings, and whether it is complete.
 *
 * @param target "simulator", "openrouter" or the base URL measured
 * @param partialReason null for a complete run, else why it stopped (interrupted, budget, ...)
 * @param settings the effective settings, as strings, in a stable order
 */
public record RunInfo(
    String suite,
    String description,
    String target,
    boolean simulated,
    Instant start,
    Instant end,
    String partialReason,
    long seed,
    Map<String, String> settings,
    String pitwallVersion,
    String javaVersion,
    String gitSha) {
  public RunInfo {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    settings = Map.copyOf(settings);
  }

  public boolean partial() {
    return partialReason != null;
  }
}
