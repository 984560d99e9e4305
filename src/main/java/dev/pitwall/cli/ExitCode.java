package dev.pitwall.cli;

/** pitwall's exit codes (docs/cli.md). */
public final class ExitCode {
  public static final int OK = 0;

  /**
   * The run completed but an SLO or a regression gate failed, a cell's measured calls all failed,
   * or a provider outside allowed_providers served.
   */
  public static final int GATE_FAILED = 1;

  /** Bad suite or usage. */
  public static final int USAGE = 2;

  /** Target unreachable or key rejected before any measurement, or the key rejected mid-run. */
  public static final int UNREACHABLE = 3;

  /** max_cost_usd reached, or the account out of credits (HTTP 402), before the plan finished. */
  public static final int BUDGET = 4;

  /** Interrupted; partial results written and marked. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
