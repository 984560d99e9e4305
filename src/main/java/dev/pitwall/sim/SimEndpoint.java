package dev.pitwall.sim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One upstream provider serving one model: its names, list prices, capabilities and latency model.
 *
 * @param providerName display name, as chat replies name it in {@code provider} ("Google Vertex")
 * @param providerSlug the tag usable in {@code provider.order/only/ignore} ("google-vertex")
 * @param promptPrice USD per prompt token
 * @param completionPrice USD per completion token
 * @param quantization one of OpenRouter's quantization names, or "unknown"
 */
public record SimEndpoint(
    String providerName,
    String providerSlug,
    BigDecimal promptPrice,
    BigDecimal completionPrice,
    String quantization,
    int contextLength,
    int maxCompletionTokens,
    List<String> supportedParameters,
    LatencyModel latency) {

  public SimEndpoint {
    requireText("provider_name", providerName);
    requireText("provider_slug", providerSlug);
    if (!providerSlug.matches("[a-z0-9][a-z0-9._-]*(/[a-z0-9._-]+)?")) {
      throw new IllegalArgumentException(
          "provider_slug must be lower-case like \"google-vertex\" or \"deepinfra/turbo\", not \""
              + providerSlug
              + "\"");
    }
    requirePrice("prompt_price", promptPrice);
    requirePrice("completion_price", completionPrice);
    quantization = quantization == null ? "unknown" : quantization;
    if (contextLength < 1) {
      throw new IllegalArgumentException(
          "context_length must be >= 1 (is it missing?), not " + contextLength);
    }
    if (maxCompletionTokens < 1) {
      throw new IllegalArgumentException(
          "max_completion_tokens must be >= 1 (is it missing?), not " + maxCompletionTokens);
    }
    supportedParameters =
        supportedParameters == null ? List.of() : List.copyOf(supportedParameters);
    Objects.requireNonNull(latency, "latency is required");
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  private static void requirePrice(String name, BigDecimal value) {
    if (value == null || value.signum() < 0) {
      throw new IllegalArgumentException(name + " is required, USD per token, >= 0");
    }
  }

  public double ttftMedianMs() {
    return latency.ttftMedianMs();
  }

  public double tokensPerSecond() {
    return latency.tokensPerSecond();
  }

  /** Cost of one call at list prices: what {@code usage.cost} reports (not BYOK). */
  public BigDecimal cost(int promptTokens, int completionTokens) {
    return promptCost(promptTokens).add(completionCost(completionTokens));
  }

  public BigDecimal promptCost(int promptTokens) {
    return promptPrice.multiply(BigDecimal.valueOf(promptTokens));
  }

  public BigDecimal completionCost(int completionTokens) {
    return completionPrice.multiply(BigDecimal.valueOf(completionTokens));
  }

  /**
   * True when {@code name} (a slug, a base slug or a display name, any case) designates this
   * endpoint. A base slug such as "google-vertex" matches "google-vertex/europe".
   */
  public boolean isNamed(String name) {
    if (name == null) {
      return false;
    }
    String n = name.trim();
    return n.equalsIgnoreCase(providerSlug)
        || n.equalsIgnoreCase(providerName)
        || providerSlug.startsWith(n.toLowerCase(java.util.Locale.ROOT) + "/");
  }
}
