package dev.pitwall.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A suite expanded into cells, in the order the runner interleaves them. */
public record Plan(Suite suite, List<Cell> cells) {
  public Plan {
    Objects.requireNonNull(suite, "suite");
    cells = List.copyOf(cells);
  }

  /**
   * Expands prompts × models × routes. The order puts the prompt innermost-but-one and the model
   * innermost, so consecutive calls rotate across models and slow drift of the target (time of day,
   * shared load) spreads evenly instead of biasing whichever cell ran last.
   */
  public static Plan of(Suite suite) {
    List<Cell> cells = new ArrayList<>();
    for (Prompt prompt : suite.prompts()) {
      for (ModelSpec model : suite.models()) {
        for (Route route : routesOf(model)) {
          String id = prompt.id() + "/" + model.id() + (route.isFree() ? "" : "@" + label(route));
          cells.add(new Cell(cells.size(), id, prompt, model.id(), route, model.request()));
        }
      }
    }
    return new Plan(suite, cells);
  }

  private static List<Route> routesOf(ModelSpec model) {
    if (model.providers().isEmpty()) {
      return List.of(model.route());
    }
    List<Route> routes = new ArrayList<>();
    for (String provider : model.providers()) {
      routes.add(Route.pinned(provider));
    }
    if (model.includeFreeRouting()) {
      routes.add(Route.FREE);
    }
    return routes;
  }

  private static String label(Route route) {
    return route.requestedProvider() == null ? "routed" : route.requestedProvider();
  }

  /** Calls per iteration over all cells. */
  public int callsPerIteration() {
    return cells.size() * suite.iterations().calls();
  }

  /** All calls the plan will make, warmup included. */
  public long totalCalls() {
    return (long) callsPerIteration() * suite.iterations().total();
  }
}
