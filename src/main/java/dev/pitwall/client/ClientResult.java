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
 * @param connectNs how long the TCP connect (and a proxy's CONNECT tunnel) took before {@code
 *     tSendNs}; 0 on a reused connection
 * @param tlsNs how long the TLS handshake took before {@code tSendNs}; 0 on a reused or plain
 *     connection
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
    int gapCount,
    long connectNs,
    long tlsNs) {
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
    return builder(outcome).errorMessage(message).tSendNs(tSendNs).tDoneNs(tDoneNs).build();
  }

  /**
   * A builder for a result with this outcome: no status (0), every stamp and the {@code
   * Retry-After} wait {@link #NONE}, no usage, no tokens, no gaps, until set.
   */
  public static Builder builder(Outcome outcome) {
    return new Builder(outcome);
  }

  /** Named setters for the 21 components, so no call site depends on their order. */
  public static final class Builder {
    private Outcome outcome;
    private int httpStatus;
    private String errorCode;
    private String errorMessage;
    private long tSendNs = NONE;
    private long tFirstNs = NONE;
    private long tAnswerNs = NONE;
    private long tLastNs = NONE;
    private long tDoneNs = NONE;
    private String generationId;
    private String servedProvider;
    private String servedModel;
    private String finishReason;
    private Usage usage;
    private int estimatedCompletionTokens;
    private int tokenEvents;
    private long retryAfterNanos = NONE;
    private long[] gapsNs;
    private int gapCount;
    private long connectNs;
    private long tlsNs;

    private Builder(Outcome outcome) {
      this.outcome = outcome;
    }

    public Builder outcome(Outcome outcome) {
      this.outcome = outcome;
      return this;
    }

    public Builder httpStatus(int httpStatus) {
      this.httpStatus = httpStatus;
      return this;
    }

    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    public Builder errorMessage(String errorMessage) {
      this.errorMessage = errorMessage;
      return this;
    }

    public Builder tSendNs(long tSendNs) {
      this.tSendNs = tSendNs;
      return this;
    }

    public Builder tFirstNs(long tFirstNs) {
      this.tFirstNs = tFirstNs;
      return this;
    }

    public Builder tAnswerNs(long tAnswerNs) {
      this.tAnswerNs = tAnswerNs;
      return this;
    }

    public Builder tLastNs(long tLastNs) {
      this.tLastNs = tLastNs;
      return this;
    }

    public Builder tDoneNs(long tDoneNs) {
      this.tDoneNs = tDoneNs;
      return this;
    }

    public Builder generationId(String generationId) {
      this.generationId = generationId;
      return this;
    }

    public Builder servedProvider(String servedProvider) {
      this.servedProvider = servedProvider;
      return this;
    }

    public Builder servedModel(String servedModel) {
      this.servedModel = servedModel;
      return this;
    }

    public Builder finishReason(String finishReason) {
      this.finishReason = finishReason;
      return this;
    }

    public Builder usage(Usage usage) {
      this.usage = usage;
      return this;
    }

    public Builder estimatedCompletionTokens(int estimatedCompletionTokens) {
      this.estimatedCompletionTokens = estimatedCompletionTokens;
      return this;
    }

    public Builder tokenEvents(int tokenEvents) {
      this.tokenEvents = tokenEvents;
      return this;
    }

    public Builder retryAfterNanos(long retryAfterNanos) {
      this.retryAfterNanos = retryAfterNanos;
      return this;
    }

    /** The gaps between token-bearing events; only the first {@code gapCount} are valid. */
    public Builder gaps(long[] gapsNs, int gapCount) {
      this.gapsNs = gapsNs;
      this.gapCount = gapCount;
      return this;
    }

    /** The connection set-up this attempt waited for before its send (0, 0 when reused). */
    public Builder connection(long connectNs, long tlsNs) {
      this.connectNs = connectNs;
      this.tlsNs = tlsNs;
      return this;
    }

    public ClientResult build() {
      return new ClientResult(
          outcome,
          httpStatus,
          errorCode,
          errorMessage,
          tSendNs,
          tFirstNs,
          tAnswerNs,
          tLastNs,
          tDoneNs,
          generationId,
          servedProvider,
          servedModel,
          finishReason,
          usage,
          estimatedCompletionTokens,
          tokenEvents,
          retryAfterNanos,
          gapsNs,
          gapCount,
          connectNs,
          tlsNs);
    }
  }
}
