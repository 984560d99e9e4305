package dev.pitwall.history;

/** What a comparison concludes for one series and measure. */
public enum Verdict {
  /** Better beyond its threshold, and significant at the chosen confidence. */
  IMPROVED,
  /** Within its threshold, or not significant. */
  UNCHANGED,
  /** Worse beyond its threshold, and significant at the chosen confidence. */
  REGRESSED,
  /** The series has no figure in the baseline (a new cell or a new serving provider). */
  NEW,
  /** The baseline had the series; this run has no figure for it. */
  MISSING;

  public String text() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
