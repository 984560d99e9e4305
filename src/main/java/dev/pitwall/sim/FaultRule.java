package dev.pitwall.sim;

import java.util.Objects;

/**
 * One injected fault: what happens ({@code kind}), to which calls ({@code model}, {@code provider};
 * null matches all), when (seconds since the server started, {@code [fromS, toS)}; null is open)
 * and how often ({@code rate}, the probability per call or per attempt).
 *
 * @param status HTTP status for ERROR, HTML_ERROR and OUTAGE (defaults 500, 502, 503)
 * @param retryAfterS {@code Retry-After} seconds sent with a 429 or 503
 * @param delayMs latency of a failed attempt, the stall, the header delay or the keep-alive period
 * @param afterTokens where in the answer a stream fault strikes
 */
public record FaultRule(
    FaultKind kind,
    String model,
    String provider,
    Double rate,
    Integer status,
    Double fromS,
    Double toS,
    Integer retryAfterS,
    Integer delayMs,
    Integer afterTokens) {

  public FaultRule {
    Objects.requireNonNull(kind, "kind is required");
    rate = rate == null ? 1.0 : rate;
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate is a probability in 0..1, not " + rate);
    }
    if (status == null) {
      status =
          switch (kind) {
            case ERROR -> 500;
            case HTML_ERROR -> 502;
            case OUTAGE -> 503;
            default -> null;
          };
    } else if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be a 4xx or 5xx code, not " + status);
    }
    if (kind == FaultKind.HTML_ERROR && provider != null) {
      throw new IllegalArgumentException(
          "html_error comes from the edge, not from a provider: remove provider (use model to"
              + " scope it)");
    }
    if (fromS != null && toS != null && toS <= fromS) {
      throw new IllegalArgumentException("to_s (" + toS + ") must be after from_s (" + fromS + ")");
    }
    if (retryAfterS != null && retryAfterS < 0) {
      throw new IllegalArgumentException("retry_after_s must be >= 0, not " + retryAfterS);
    }
    if (delayMs != null && delayMs < 0) {
      throw new IllegalArgumentException("delay_ms must be >= 0, not " + delayMs);
    }
    if (afterTokens != null && afterTokens < 0) {
      throw new IllegalArgumentException("after_tokens must be >= 0, not " + afterTokens);
    }
  }

  /** A rule of {@code kind} that always fires, everywhere, at any time. */
  public static FaultRule always(FaultKind kind) {
    return new FaultRule(kind, null, null, 1.0, null, null, null, null, null, null);
  }

  public FaultRule forModel(String modelId) {
    return new FaultRule(
        kind, modelId, provider, rate, status, fromS, toS, retryAfterS, delayMs, afterTokens);
  }

  public FaultRule forProvider(String providerName) {
    return new FaultRule(
        kind, model, providerName, rate, status, fromS, toS, retryAfterS, delayMs, afterTokens);
  }

  public FaultRule withRate(double newRate) {
    return new FaultRule(
        kind, model, provider, newRate, status, fromS, toS, retryAfterS, delayMs, afterTokens);
  }

  public FaultRule withStatus(int newStatus) {
    return new FaultRule(
        kind, model, provider, rate, newStatus, fromS, toS, retryAfterS, delayMs, afterTokens);
  }

  public FaultRule withWindow(Double from, Double to) {
    return new FaultRule(
        kind, model, provider, rate, status, from, to, retryAfterS, delayMs, afterTokens);
  }

  public FaultRule withRetryAfterS(int seconds) {
    return new FaultRule(
        kind, model, provider, rate, status, fromS, toS, seconds, delayMs, afterTokens);
  }

  public FaultRule withDelayMs(int ms) {
    return new FaultRule(
        kind, model, provider, rate, status, fromS, toS, retryAfterS, ms, afterTokens);
  }

  public FaultRule withAfterTokens(int tokens) {
    return new FaultRule(
        kind, model, provider, rate, status, fromS, toS, retryAfterS, delayMs, tokens);
  }

  /** True when the rule applies to this model and endpoint at this time. */
  public boolean matches(String modelId, SimEndpoint endpoint, double elapsedS) {
    return (model == null || model.equals(modelId))
        && (provider == null || (endpoint != null && endpoint.isNamed(provider)))
        && (fromS == null || elapsedS >= fromS)
        && (toS == null || elapsedS < toS);
  }

  /** Provider-scoped errors fail one attempt (routing falls back); others fail the whole call. */
  public boolean isProviderScoped() {
    return provider != null;
  }
}
