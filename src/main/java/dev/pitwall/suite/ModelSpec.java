package dev.pitwall.suite;

import java.util.List;
import java.util.Objects;

/**
 * A model of the suite. With {@code providers} empty it is one free-routing cell (or routed by
 * {@code route}); with providers it expands into one pinned cell per provider, plus a free-routing
 * cell when {@code includeFreeRouting}. {@code request} is the model's parameters with the suite's
 * defaults already applied.
 */
public record ModelSpec(
    String id,
    List<String> providers,
    boolean includeFreeRouting,
    Route route,
    RequestParams request) {
  public ModelSpec {
    Objects.requireNonNull(id, "id");
    providers = providers == null ? List.of() : List.copyOf(providers);
    route = route == null ? Route.FREE : route;
    Objects.requireNonNull(request, "request");
  }
}
