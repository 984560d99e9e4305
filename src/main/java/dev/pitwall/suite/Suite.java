package dev.pitwall.suite;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A parsed, validated suite: what to send, to which models, how hard and how often. Immutable.
 * {@code allowedProviders} empty means no data-policy audit.
 */
public record Suite(
    String name,
    String description,
    Path source,
    List<Prompt> prompts,
    List<ModelSpec> models,
    Load load,
    Iterations iterations,
    Limits limits,
    Timeouts timeouts,
    Retries retries,
    List<String> allowedProviders,
    List<Slo> slos) {
  public Suite {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    prompts = List.copyOf(prompts);
    models = List.copyOf(models);
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(iterations, "iterations");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(timeouts, "timeouts");
    retries = retries == null ? Retries.NONE : retries;
    allowedProviders = allowedProviders == null ? List.of() : List.copyOf(allowedProviders);
    slos = slos == null ? List.of() : List.copyOf(slos);
  }
}
