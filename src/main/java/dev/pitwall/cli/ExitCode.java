package dev.pitwall.cli;

/** pitwall's exit codes (docs/cli.md). */
public final class ExitCode {
  public static final int OK = 0;

  /** The run completed but an SLO or a regression gate failed. */
  public static final int GATE_FAILED = 1;

  /** Bad suite or usage. */
  public static final int USAGE = 2;

  /** Target unreachable or authentication failed before any measurement. */
  public static final int UNREACHABLE = 3;

  /** Budget exhausted before the plan finished. */
  public static final int BUDGET = 4;

  /** Interrupted; partial results written and marked. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
