package dev.pitwall.metrics;

import dev.pitwall.suite.Slo;
import java.util.Objects;

/**
 * The verdict of one SLO on one series. {@code measured} is NaN when the series has no value for
 * the figure (no successful call, no cost reported): that fails, since nothing shows the objective
 * was met.
 */
public record SloVerdict(SeriesKey series, Slo slo, double measured, boolean passed) {
  public SloVerdict {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(slo, "slo");
  }

  /** E.g. "ttft_p95_ms 812.300 > 500" or "error_rate 0.000 <= 0.05". */
  public String describe() {
    String value =
        Double.isNaN(measured)
            ? "no data"
            : java.math.BigDecimal.valueOf(measured)
                .setScale(3, java.math.RoundingMode.HALF_EVEN)
                .toPlainString();
    String comparison;
    if (Double.isNaN(measured)) {
      comparison = "(limit " + limitText() + ")";
    } else if (slo.isFloor()) {
      comparison = (passed ? ">= " : "< ") + limitText();
    } else {
      comparison = (passed ? "<= " : "> ") + limitText();
    }
    return slo.key() + " " + value + " " + comparison;
  }

  private String limitText() {
    return java.math.BigDecimal.valueOf(slo.limit()).stripTrailingZeros().toPlainString();
  }
}
