package dev.pitwall.suite;

import java.util.List;

/**
 * OpenRouter's {@code provider} routing object, as far as a suite sets it. Null fields are not
 * sent, so OpenRouter's defaults apply. {@link #FREE} is default routing (load balanced, fallbacks
 * on). {@code dataCollection} is {@code allow} or {@code deny}; {@code sort} is {@code price},
 * {@code throughput} or {@code latency}.
 */
public record Route(
    List<String> order,
    Boolean allowFallbacks,
    List<String> only,
    List<String> ignore,
    Boolean requireParameters,
    String dataCollection,
    String sort) {
  public static final Route FREE = new Route(null, null, null, null);

  public Route {
    order = order == null ? null : List.copyOf(order);
    only = only == null ? null : List.copyOf(only);
    ignore = ignore == null ? null : List.copyOf(ignore);
  }

  public Route(List<String> order, Boolean allowFallbacks, List<String> only, List<String> ignore) {
    this(order, allowFallbacks, only, ignore, null, null, null);
  }

  /** A route pinned to one provider with fallbacks off: the cell measures that provider only. */
  public static Route pinned(String provider) {
    return new Route(List.of(provider), false, null, null);
  }

  /** The first provider asked for, or null under free routing. */
  public String requestedProvider() {
    return order == null || order.isEmpty() ? null : order.get(0);
  }

  public boolean isFree() {
    return equals(FREE);
  }

  /** True when the route names one provider and forbids fallbacks. */
  public boolean isPinned() {
    return order != null && order.size() == 1 && Boolean.FALSE.equals(allowFallbacks);
  }

  /**
   * A short label for cell ids: empty under free routing, {@code @p} when pinned, {@code @a>b} for
   * an order with fallbacks, {@code @routed} for other routing constraints.
   */
  public String label() {
    if (isFree()) {
      return "";
    }
    if (order != null && !order.isEmpty()) {
      return "@" + String.join(">", order);
    }
    return "@routed";
  }
}
