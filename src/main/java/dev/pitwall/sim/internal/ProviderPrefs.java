package dev.pitwall.sim.internal;

import java.util.List;

/**
 * The request's {@code provider} object, as far as the simulator routes by it.
 *
 * @param sort "price", "throughput" or "latency", or null for load balancing
 */
public record ProviderPrefs(
    List<String> order,
    boolean allowFallbacks,
    List<String> only,
    List<String> ignore,
    String sort) {
  public static final ProviderPrefs DEFAULT = new ProviderPrefs(null, true, null, null, null);

  public ProviderPrefs {
    order = order == null ? null : List.copyOf(order);
    only = only == null ? null : List.copyOf(only);
    ignore = ignore == null ? null : List.copyOf(ignore);
  }

  public ProviderPrefs withSort(String newSort) {
    return new ProviderPrefs(order, allowFallbacks, only, ignore, newSort);
  }
}
