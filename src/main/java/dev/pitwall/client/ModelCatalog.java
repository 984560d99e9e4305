package dev.pitwall.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The models a target offers ({@code GET /models}), with prices as exact decimals and each model's
 * {@code supported_parameters}. Immutable and thread-safe. Load it before measurement with {@link
 * OpenRouterApi#models()}.
 */
public final class ModelCatalog {
  private final Map<String, ModelInfo> models;

  public ModelCatalog(Collection<ModelInfo> models) {
    Map<String, ModelInfo> m = new LinkedHashMap<>();
    for (ModelInfo i : models) {
      m.put(i.id(), i);
    }
    this.models = java.util.Collections.unmodifiableMap(m);
  }

  /** Parses a {@code /models} reply ({@code {data: [...]}}); prices may be strings or numbers. */
  public static ModelCatalog parse(byte[] json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    JsonNode data = root.path("data");
    if (!data.isArray()) {
      throw new IOException("a /models reply needs a \"data\" array");
    }
    List<ModelInfo> list = new ArrayList<>();
    for (JsonNode m : data) {
      if (!m.path("id").isTextual()) {
        continue;
      }
      list.add(
          new ModelInfo(
              m.get("id").asText(),
              m.path("name").asText(null),
              m.path("context_length").isNumber() ? m.get("context_length").asInt() : null,
              pricing(m.path("pricing")),
              strings(m.path("supported_parameters")),
              m.path("created").asLong(0)));
    }
    return new ModelCatalog(list);
  }

  static Pricing pricing(JsonNode p) {
    return new Pricing(
        decimal(p.get("prompt")),
        decimal(p.get("completion")),
        decimal(p.get("request")),
        decimal(p.get("internal_reasoning")),
        decimal(p.get("input_cache_read")));
  }

  static BigDecimal decimal(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    try {
      return new BigDecimal(n.asText().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    if (a.isArray()) {
      a.forEach(s -> out.add(s.asText()));
    }
    return out;
  }

  public Optional<ModelInfo> model(String id) {
    return Optional.ofNullable(models.get(id));
  }

  public Collection<ModelInfo> models() {
    return models.values();
  }

  public int size() {
    return models.size();
  }

  /** The model's {@code supported_parameters}, or null when the catalog does not list the model. */
  public Set<String> supportedParameters(String id) {
    ModelInfo m = models.get(id);
    return m == null ? null : new LinkedHashSet<>(m.supportedParameters());
  }

  /**
   * Cost from list prices (docs/metrics.md: used when a response carries no {@code usage.cost}).
   * Variants ({@code :free}) are priced only when listed themselves: their prices differ from the
   * base.
   */
  public Optional<BigDecimal> estimateCost(String model, int promptTokens, int completionTokens) {
    ModelInfo m = models.get(model);
    return m == null ? Optional.empty() : m.pricing().cost(promptTokens, completionTokens);
  }
}
