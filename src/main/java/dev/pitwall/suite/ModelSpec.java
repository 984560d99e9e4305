package dev.pitwall.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model of the suite. With {@code providers} empty it is one free-routing cell (or routed by
 * {@code route}); with providers it expands into one pinned cell per provider, plus a free-routing
 * cell when {@code includeFreeRouting}. {@code request} is the model's parameters with the suite's
 * defaults and overrides already applied (the fallback model list, when any, travels in its {@code
 * extra} as {@code models}). {@code label}, when not null, replaces the id in cell ids, so one
 * model can appear twice with different settings.
 */
public record ModelSpec(
    String id,
    List<String> providers,
    boolean includeFreeRouting,
    Route route,
    RequestParams request,
    List<String> fallbackModels,
    String label) {
  public ModelSpec {
    Objects.requireNonNull(id, "id");
    providers = providers == null ? List.of() : List.copyOf(providers);
    route = route == null ? Route.FREE : route;
    Objects.requireNonNull(request, "request");
    fallbackModels = fallbackModels == null ? List.of() : List.copyOf(fallbackModels);
  }

  public ModelSpec(
      String id,
      List<String> providers,
      boolean includeFreeRouting,
      Route route,
      RequestParams request) {
    this(id, providers, includeFreeRouting, route, request, List.of(), null);
  }

  /** The name used in cell ids: the label when set, else the model id. */
  public String displayName() {
    return label == null ? id : label;
  }

  /** The routes this model expands into, one cell each, in declaration order. */
  public List<Route> routes() {
    if (providers.isEmpty()) {
      return List.of(route);
    }
    List<Route> routes = new ArrayList<>();
    for (String provider : providers) {
      // Pinned cells keep the model's data policy, so a regulated suite stays regulated.
      routes.add(
          new Route(
              List.of(provider),
              false,
              null,
              null,
              route.requireParameters(),
              route.dataCollection(),
              null));
    }
    if (includeFreeRouting) {
      routes.add(route);
    }
    return List.copyOf(routes);
  }
}
