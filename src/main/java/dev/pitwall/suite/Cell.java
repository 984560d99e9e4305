package dev.pitwall.suite;

import java.util.Objects;

/**
 * One benchmark cell: a prompt sent to a model over a route, with its request parameters. Every
 * figure pitwall reports is per cell and per provider that served it.
 */
public record Cell(
    int index, String id, Prompt prompt, String model, Route route, RequestParams request) {
  public Cell {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(request, "request");
  }

  /** The provider this cell asks for first, or {@code "auto"} under free routing. */
  public String requestedProviderLabel() {
    String p = route.requestedProvider();
    return p == null ? "auto" : p;
  }
}
