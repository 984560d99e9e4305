package dev.pitwall.client;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each provider charges for a model, from {@code GET /models/{id}/endpoints}: a provider's
 * price can differ from the model's list price, which is only one of them. Looked up by the routing
 * slug a suite names ({@code deepinfra}, or {@code deepinfra/turbo} for one variant), matched to
 * each endpoint's {@code tag}. Immutable.
 */
public final class ProviderPrices {
  public static final ProviderPrices NONE = new ProviderPrices(Map.of());

  private final Map<String, List<Endpoint>> byModel;

  private ProviderPrices(Map<String, List<Endpoint>> byModel) {
    this.byModel = Map.copyOf(byModel);
  }

  /**
   * The endpoints of each model, from {@code endpoints}. A model whose endpoints cannot be had (a
   * target without the endpoint, an unknown model) is left out: its list price stands in.
   */
  public static ProviderPrices of(EndpointCache endpoints, Collection<String> models) {
    Map<String, List<Endpoint>> out = new LinkedHashMap<>();
    for (String model : models) {
      endpoints.of(model).ifPresent(list -> out.put(model, list));
    }
    return new ProviderPrices(out);
  }

  /**
   * The price of {@code model} at the provider with routing slug {@code slug}; when the slug names
   * no variant and the provider has several, the dearest of them (the bound must hold whichever
   * serves). Empty when unknown.
   */
  public Optional<Pricing> pricing(String model, String slug) {
    Pricing dearest = null;
    for (Endpoint e : byModel.getOrDefault(model, List.of())) {
      String tag = e.tag();
      boolean match = tag != null && (tag.equals(slug) || tag.startsWith(slug + "/"));
      if (match && e.pricing().completion() != null && e.pricing().prompt() != null) {
        if (dearest == null || dearer(e.pricing(), dearest)) {
          dearest = e.pricing();
        }
      }
    }
    return Optional.ofNullable(dearest);
  }

  private static boolean dearer(Pricing a, Pricing b) {
    return a.completion().compareTo(b.completion()) > 0
        || (a.completion().compareTo(b.completion()) == 0 && a.prompt().compareTo(b.prompt()) > 0);
  }
}
