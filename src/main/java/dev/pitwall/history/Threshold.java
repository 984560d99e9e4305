package dev.pitwall.history;

import java.util.Locale;

/**
 * The smallest change of a measure that counts, either relative to the baseline ({@code "10%"}) or
 * absolute in the measure's unit ({@code "0.02"}, two percentage points of error rate). A change
 * must be both statistically significant and beyond its threshold to be a verdict other than
 * unchanged.
 */
public record Threshold(double amount, boolean relative) {
  public Threshold {
    if (!(amount >= 0) || Double.isInfinite(amount)) {
      throw new IllegalArgumentException("a threshold must be a finite amount >= 0, not " + amount);
    }
  }

  public static Threshold relative(double fraction) {
    return new Threshold(fraction, true);
  }

  public static Threshold absolute(double amount) {
    return new Threshold(amount, false);
  }

  /** Parses "10%" (relative) or "0.02" (absolute, in the measure's unit). */
  public static Threshold parse(String text) {
    String t = text.trim();
    try {
      if (t.endsWith("%")) {
        return relative(Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100);
      }
      return absolute(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a threshold: write a percentage such as 10% or an amount such as"
              + " 0.02");
    }
  }

  /** How far {@code current} is from {@code baseline}, in this threshold's terms (≥ 0). */
  public double size(double baseline, double current) {
    double delta = Math.abs(current - baseline);
    if (!relative) {
      return delta;
    }
    if (baseline == 0) {
      return delta == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return delta / Math.abs(baseline);
  }

  public boolean exceededBy(double baseline, double current) {
    return size(baseline, current) > amount;
  }

  @Override
  public String toString() {
    return relative ? String.format(Locale.ROOT, "%s%%", trim(amount * 100)) : trim(amount);
  }

  private static String trim(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
