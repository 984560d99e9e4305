package dev.pitwall.suite;

import java.util.List;

/**
 * OpenRouter's {@code provider} routing object, as far as a suite sets it. Null fields are not
 * sent, so OpenRouter's defaults apply. {@link #FREE} is default routing (load balanced, fallbacks
 * on).
 */
public record Route(
    List<String> order, Boolean allowFallbacks, List<String> only, List<String> ignore) {
  public static final Route FREE = new Route(null, null, null, null);

  public Route {
    order = order == null ? null : List.copyOf(order);
    only = only == null ? null : List.copyOf(only);
    ignore = ignore == null ? null : List.copyOf(ignore);
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
    return order == null && allowFallbacks == null && only == null && ignore == null;
  }
}
