package dev.pitwall.client;

import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.TokenSource;
import java.util.Objects;

/**
 * What one HTTP attempt produced. Stamps are raw {@code Ticker} nanoseconds; {@link #NONE} marks a
 * stamp that never happened. Never thrown: every failure is an {@link Outcome} with the HTTP status
 * (0 when there was no response), the error code and a short message.
 *
 * @param usage the usage object, or null when the response had none
 * @param estimatedCompletionTokens content-based estimate, used when {@code usage} is null
 * @param retryAfterNanos the wait a 429/503 asked for ({@code Retry-After}), or {@link #NONE}
 * @param gapsNs gaps between consecutive token-bearing events (ICL); the first {@code gapCount}
 *     entries are valid
 */
public record ClientResult(
    Outcome outcome,
    int httpStatus,
    String errorCode,
    String errorMessage,
    long tSendNs,
    long tFirstNs,
    long tAnswerNs,
    long tLastNs,
    long tDoneNs,
    String generationId,
    String servedProvider,
    String servedModel,
    String finishReason,
    Usage usage,
    int estimatedCompletionTokens,
    int tokenEvents,
    long retryAfterNanos,
    long[] gapsNs,
    int gapCount) {
  public static final long NONE = -1L;

  public ClientResult {
    Objects.requireNonNull(outcome, "outcome");
    gapsNs = gapsNs == null ? new long[0] : gapsNs;
  }

  /** Where {@link #completionTokens()} comes from (docs/metrics.md: N_out). */
  public TokenSource tokenSource() {
    if (usage != null) {
      return TokenSource.SERVER;
    }
    return tokenEvents > 0 ? TokenSource.ESTIMATED : TokenSource.NONE;
  }

  /** N_out: {@code usage.completion_tokens}, else the content-based estimate, else 0. */
  public int completionTokens() {
    return switch (tokenSource()) {
      case SERVER -> usage.completionTokens();
      case ESTIMATED -> estimatedCompletionTokens;
      case NONE -> 0;
    };
  }

  /** A failure before any response: connect error, timeout, cancellation. */
  public static ClientResult failure(Outcome outcome, long tSendNs, long tDoneNs, String message) {
    return new ClientResult(
        outcome, 0, null, message, tSendNs, NONE, NONE, NONE, tDoneNs, null, null, null, null, null,
        0, 0, NONE, null, 0);
  }
}
