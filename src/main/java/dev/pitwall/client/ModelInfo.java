package dev.pitwall.client;

import java.util.List;
import java.util.Objects;

/**
 * One model of {@code GET /models}.
 *
 * @param contextLength null when the catalog gives none
 * @param created Unix seconds the model was added, 0 when the catalog gives none
 */
public record ModelInfo(
    String id,
    String name,
    Integer contextLength,
    Pricing pricing,
    List<String> supportedParameters,
    long created) {
  public ModelInfo {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
    supportedParameters =
        supportedParameters == null ? List.of() : List.copyOf(supportedParameters);
  }

  /** The author part of the id ({@code openai} of {@code openai/gpt-4o}). */
  public String author() {
    int slash = id.indexOf('/');
    return slash < 0 ? id : id.substring(0, slash);
  }
}
