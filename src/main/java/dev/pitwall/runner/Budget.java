package dev.pitwall.runner;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running cost of a run against {@code max_cost_usd}. Once spent reaches the limit no new
 * attempt starts; attempts already in flight finish and are counted (their cost can overshoot the
 * limit by at most the in-flight calls). Lock-free.
 */
public final class Budget {
  private final BigDecimal limit;
  private final AtomicReference<BigDecimal> spent = new AtomicReference<>(BigDecimal.ZERO);

  /**
   * @param limit null for no limit
   */
  public Budget(BigDecimal limit) {
    this.limit = limit;
  }

  public static Budget unlimited() {
    return new Budget(null);
  }

  public void add(BigDecimal cost) {
    if (cost != null && cost.signum() > 0) {
      spent.accumulateAndGet(cost, BigDecimal::add);
    }
  }

  public BigDecimal spent() {
    return spent.get();
  }

  public BigDecimal limit() {
    return limit;
  }

  public boolean exhausted() {
    return limit != null && spent.get().compareTo(limit) >= 0;
  }
}
