package dev.pitwall.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each model's endpoints ({@code GET /models/{id}/endpoints}), fetched at most once per command:
 * checking a suite (its provider slugs) and bounding its cost (each provider's price) ask for the
 * same models, and each fetch is a request to OpenRouter before the first call. A model whose
 * endpoints cannot be had is remembered as unknown too, so a failing model costs one request, not
 * one per asker. Thread-safe.
 */
public final class EndpointCache {
  /** Fetches one model's endpoints. */
  @FunctionalInterface
  public interface Fetch {
    List<Endpoint> endpoints(String model) throws OpenRouterApi.ApiException;
  }

  private final Fetch fetch;
  private final Map<String, Optional<List<Endpoint>>> byModel = new ConcurrentHashMap<>();

  public EndpointCache(Fetch fetch) {
    this.fetch = fetch;
  }

  /** Through an {@link OpenRouterApi} of {@code config} (its proxy and key), one per fetch. */
  public static EndpointCache over(ClientConfig config) {
    return new EndpointCache(
        model -> {
          try (OpenRouterApi api = new OpenRouterApi(config)) {
            return api.endpoints(model);
          }
        });
  }

  /** The endpoints of {@code model}; empty when the target would not give them. */
  public Optional<List<Endpoint>> of(String model) {
    return byModel.computeIfAbsent(
        model,
        m -> {
          try {
            return Optional.of(List.copyOf(fetch.endpoints(m)));
          } catch (OpenRouterApi.ApiException e) {
            return Optional.empty();
          }
        });
  }
}
