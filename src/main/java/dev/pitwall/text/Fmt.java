package dev.pitwall.text;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Locale-independent number formatting shared by every text output: a German or French default
 * locale must never turn "12.5" into "12,5" in a CSV.
 */
public final class Fmt {
  private Fmt() {}

  /** Nanoseconds as milliseconds with 6 decimals: exact, so requests.csv round-trips to the ns. */
  public static String exactMs(long nanos) {
    return appendExactMs(new StringBuilder(24), nanos).toString();
  }

  /** {@link #exactMs} appended to {@code sb}, for a row built in one builder. */
  public static StringBuilder appendExactMs(StringBuilder sb, long nanos) {
    // As BigDecimal.valueOf(nanos, 6).toPlainString(), without its three objects per field: this
    // runs for every time stamp of every requests.csv row.
    return nanos == Long.MIN_VALUE
        ? sb.append(BigDecimal.valueOf(nanos, 6).toPlainString())
        : plain(sb, nanos, 1_000_000);
  }

  /**
   * Nanoseconds as milliseconds with three decimals, rounded half-even: the text of {@code
   * fixed(nanos / 1e6, 3)} without its BigDecimal, for the durations of every requests.csv row.
   */
  public static String fixedMs(long nanos) {
    return appendFixedMs(new StringBuilder(24), nanos).toString();
  }

  /** {@link #fixedMs} appended to {@code sb}, for a row built in one builder. */
  public static StringBuilder appendFixedMs(StringBuilder sb, long nanos) {
    if (Math.abs(nanos) >= 1_000_000_000_000_000L || nanos == Long.MIN_VALUE) {
      return sb.append(fixed(nanos / 1e6, 3)); // beyond 15 digits a double's text may differ
    }
    long micros = Math.floorDiv(nanos, 1000);
    long rest = Math.floorMod(nanos, 1000);
    if (rest > 500 || (rest == 500 && (micros & 1) != 0)) {
      micros++;
    }
    return plain(sb, micros, 1000);
  }

  /**
   * {@code unscaled / unit} in plain decimal notation with as many decimals as {@code unit} (a
   * power of ten) has zeros, as {@code BigDecimal.toPlainString} writes it: no "-0.000".
   */
  private static StringBuilder plain(StringBuilder sb, long unscaled, long unit) {
    long abs = Math.abs(unscaled);
    long fraction = abs % unit;
    if (unscaled < 0) {
      sb.append('-');
    }
    sb.append(abs / unit).append('.');
    for (long digit = unit / 10; digit > fraction && digit > 1; digit /= 10) {
      sb.append('0');
    }
    return sb.append(fraction);
  }

  /** A fixed number of decimals, or "" for NaN and infinities. */
  public static String fixed(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "";
    }
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A money amount without exponent, or "" when absent. */
  public static String money(BigDecimal usd) {
    return usd == null ? "" : usd.toPlainString();
  }

  /** A money amount rounded to 6 significant decimals for tables. */
  public static String money(BigDecimal usd, int decimals) {
    return usd == null ? "" : usd.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A rounded decimal for JSON, so output does not depend on the JDK's double printing. */
  public static BigDecimal decimal(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN);
  }

  /** A fraction 0–1 as a percentage with one decimal, e.g. "12.5 %". */
  public static String percent(double fraction) {
    return Double.isNaN(fraction) ? "" : fixed(fraction * 100, 1) + " %";
  }
}
