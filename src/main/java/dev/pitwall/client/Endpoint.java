package dev.pitwall.client;

import java.util.List;

/**
 * One upstream provider serving a model ({@code GET /models/{author}/{slug}/endpoints}).
 *
 * @param tag slug usable in {@code provider.order / only / ignore}
 * @param providerName display name, as chat replies name the served provider
 * @param latencyP50Ms time to first token p50 over the last 30 min, null when not given
 * @param throughputP50 output tokens/s p50 over the last 30 min, null when not given
 */
public record Endpoint(
    String providerName,
    String tag,
    Integer contextLength,
    Integer maxCompletionTokens,
    String quantization,
    Pricing pricing,
    List<String> supportedParameters,
    Double uptimeLast30m,
    Double latencyP50Ms,
    Double throughputP50) {
  public Endpoint {
    supportedParameters =
        supportedParameters == null ? List.of() : List.copyOf(supportedParameters);
  }
}
