package dev.pitwall.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One model as the simulator lists and serves it, with the endpoints (upstream providers) that can
 * serve it.
 *
 * @param id {@code author/slug}, e.g. "openai/gpt-4o"
 * @param name display name, e.g. "OpenAI: GPT-4o"
 * @param created Unix seconds, as /models reports it
 * @param modality e.g. "text+image->text"
 */
public record SimModel(
    String id,
    String name,
    long created,
    String description,
    int contextLength,
    String modality,
    String tokenizer,
    List<SimEndpoint> endpoints) {

  public SimModel {
    if (id == null || !id.matches("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("model id must look like author/slug, not \"" + id + "\"");
    }
    name = name == null ? id : name;
    description = description == null ? "" : description;
    modality = modality == null ? "text->text" : modality;
    tokenizer = tokenizer == null ? "Other" : tokenizer;
    if (contextLength < 1) {
      throw new IllegalArgumentException(
          "context_length must be >= 1 (is it missing?), not " + contextLength);
    }
    if (endpoints == null || endpoints.isEmpty()) {
      throw new IllegalArgumentException("model " + id + " needs at least one endpoint");
    }
    endpoints = List.copyOf(endpoints);
    Set<String> slugs = new HashSet<>();
    for (SimEndpoint e : endpoints) {
      if (!slugs.add(e.providerSlug())) {
        throw new IllegalArgumentException(
            "model " + id + " lists provider " + e.providerSlug() + " twice");
      }
    }
  }

  /** The endpoint with the lowest prompt + completion price: what /models reports as pricing. */
  public SimEndpoint cheapest() {
    SimEndpoint best = endpoints.get(0);
    for (SimEndpoint e : endpoints) {
      if (e.promptPrice()
              .add(e.completionPrice())
              .compareTo(best.promptPrice().add(best.completionPrice()))
          < 0) {
        best = e;
      }
    }
    return best;
  }

  /** The largest completion any endpoint allows: /models {@code top_provider}. */
  public int maxCompletionTokens() {
    return endpoints.stream().mapToInt(SimEndpoint::maxCompletionTokens).max().orElse(1);
  }

  /** Union of the endpoints' supported parameters, in first-seen order. */
  public List<String> supportedParameters() {
    return endpoints.stream().flatMap(e -> e.supportedParameters().stream()).distinct().toList();
  }
}
