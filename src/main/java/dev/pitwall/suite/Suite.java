package dev.pitwall.suite;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed, validated suite: what to send, to which models, how hard and how often. Immutable.
 * {@code allowedProviders} empty means no data-policy audit.
 *
 * @param generationStats fetch OpenRouter's record of each call ({@code GET /generation}) after it,
 *     for its server-side latency and generation time
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
    List<Slo> slos,
    boolean generationStats) {
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

  /** This suite with another load (an open loop switched on, say). */
  public Suite withLoad(Load other) {
    return new Suite(
        name,
        description,
        source,
        prompts,
        models,
        other,
        iterations,
        limits,
        timeouts,
        retries,
        allowedProviders,
        slos,
        generationStats);
  }

  /** This suite with other iterations (the primer's few short ones, say). */
  public Suite withIterations(Iterations other) {
    return new Suite(
        name,
        description,
        source,
        prompts,
        models,
        load,
        other,
        limits,
        timeouts,
        retries,
        allowedProviders,
        slos,
        generationStats);
  }

  /** This suite with other limits (a shard's share of them, say). */
  public Suite withLimits(Limits other) {
    return new Suite(
        name,
        description,
        source,
        prompts,
        models,
        load,
        iterations,
        other,
        timeouts,
        retries,
        allowedProviders,
        slos,
        generationStats);
  }

  /**
   * Every effective setting after defaults, per-model settings and overrides, as flat {@code
   * key=value} text in a stable order, for the run's manifest. Keys follow the YAML names.
   */
  public Map<String, String> effectiveSettings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("suite", name);
    m.put("source", source == null ? "" : source.toString());
    m.put("prompts", prompts.stream().map(Prompt::id).collect(Collectors.joining(",")));
    m.put("models", models.stream().map(ModelSpec::displayName).collect(Collectors.joining(",")));
    m.put("load.mode", load.mode().name().toLowerCase());
    m.put("load.concurrency", Integer.toString(load.concurrency()));
    if (load.mode() == LoadMode.OPEN) {
      m.put("load.rate_per_second", Double.toString(load.ratePerSecond()));
      m.put("load.arrival", load.arrival().name().toLowerCase());
    }
    m.put("load.seed", Long.toString(load.seed()));
    m.put("iterations.warmup", Integer.toString(iterations.warmup()));
    m.put("iterations.measurement", Integer.toString(iterations.measurement()));
    m.put(
        "iterations.calls",
        iterations.calls() == Iterations.UNBOUNDED
            ? "unbounded"
            : Integer.toString(iterations.calls()));
    put(m, "iterations.duration", iterations.duration());
    put(m, "limits.requests_per_minute", limits.requestsPerMinute());
    put(m, "limits.tokens_per_minute", limits.tokensPerMinute());
    put(
        m,
        "limits.max_cost_usd",
        limits.maxCostUsd() == null ? null : limits.maxCostUsd().toPlainString());
    limits.perProvider().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              String k = "limits.providers." + e.getKey();
              put(m, k + ".requests_per_minute", e.getValue().requestsPerMinute());
              put(m, k + ".tokens_per_minute", e.getValue().tokensPerMinute());
            });
    m.put("timeouts.connect", timeouts.connect().toString());
    m.put("timeouts.first_token", timeouts.firstToken().toString());
    m.put("timeouts.total", timeouts.total().toString());
    m.put("timeouts.keepalive_idle", timeouts.keepaliveIdle().toString());
    m.put("retries.max", Integer.toString(retries.maxRetries()));
    m.put("retries.backoff", retries.initialBackoff().toString());
    m.put("retries.max_backoff", retries.maxBackoff().toString());
    m.put("retries.honour_retry_after", Boolean.toString(retries.honourRetryAfter()));
    if (!allowedProviders.isEmpty()) {
      m.put("allowed_providers", String.join(",", allowedProviders));
    }
    if (generationStats) {
      m.put("generation_stats", "true");
    }
    for (Slo slo : slos) {
      m.put("slos." + slo.key(), Double.toString(slo.limit()));
    }
    for (ModelSpec model : models) {
      String k = "model." + model.displayName() + ".";
      if (model.label() != null) {
        m.put(k + "id", model.id());
      }
      RequestParams r = model.request();
      put(m, k + "max_tokens", r.maxTokens());
      put(m, k + "temperature", r.temperature());
      put(m, k + "top_p", r.topP());
      put(m, k + "seed", r.seed());
      put(m, k + "stop", r.stop() == null ? null : String.join(",", r.stop()));
      m.put(k + "stream", Boolean.toString(r.stream()));
      m.put(k + "json_mode", Boolean.toString(r.jsonMode()));
      if (r.gzip()) {
        m.put(k + "gzip", "true");
      }
      r.extra().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> m.put(k + "extra." + e.getKey(), String.valueOf(e.getValue())));
      if (!model.providers().isEmpty()) {
        m.put(k + "providers", String.join(",", model.providers()));
        m.put(k + "free_routing", Boolean.toString(model.includeFreeRouting()));
      }
      Route route = model.route();
      put(m, k + "order", route.order() == null ? null : String.join(",", route.order()));
      put(m, k + "allow_fallbacks", route.allowFallbacks());
      put(m, k + "only", route.only() == null ? null : String.join(",", route.only()));
      put(m, k + "ignore", route.ignore() == null ? null : String.join(",", route.ignore()));
      put(m, k + "require_parameters", route.requireParameters());
      put(m, k + "data_collection", route.dataCollection());
      put(m, k + "sort", route.sort());
    }
    return m;
  }

  private static void put(Map<String, String> m, String key, Object value) {
    if (value != null) {
      m.put(key, value.toString());
    }
  }
}
