package dev.pitwall.metrics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One attempt of one call, as requests.csv stores it. Stamps are nanoseconds from the run's start
 * on the run's {@code Ticker}; {@link #NONE} marks a stamp that never happened (no token, no send).
 * A retry is a new record with the same {@code callId} and the next {@code attempt}.
 *
 * @param tSchedNs when the schedule intended the call (attempt) to start
 * @param tSendNs when the request went out, on a connection already set up (connect and TLS times
 *     are {@code connectNs} and {@code tlsNs})
 * @param tFirstNs first event carrying a generated token on any channel
 * @param tAnswerNs first visible content token
 * @param tLastNs last token-bearing event (non-streaming: response end)
 * @param tDoneNs {@code [DONE]} or end of response
 * @param wallStartEpochMs wall-clock time of {@code tSendNs}, for humans and time-series charts
 * @param tCallSchedNs when the schedule intended the call's first attempt to start: the same as
 *     {@code tSchedNs} on a first attempt, earlier on a retry, so each row carries the whole call
 * @param connectNs the TCP connect (and proxy tunnel) before {@code tSendNs}; 0 on a reused
 *     connection
 * @param tlsNs the TLS handshake before {@code tSendNs}; 0 on a reused or plain connection
 * @param costUsd what the attempt cost the user: with BYOK, OpenRouter's fee plus the provider's
 *     charge
 * @param byok whether the provider was called with the user's own key ({@code usage.is_byok}), null
 *     when the response did not say
 * @param genLatencyMs OpenRouter's own total latency of the generation ({@code GET /generation}
 *     {@code latency}), null when not fetched ({@code generation_stats} off) or not available
 * @param genTimeMs the provider's generation time by the same record ({@code generation_time})
 */
public record CallRecord(
    long callId,
    int attempt,
    int iteration,
    Phase phase,
    String cellId,
    String promptId,
    String model,
    String requestedProvider,
    String servedProvider,
    String servedModel,
    String generationId,
    Outcome outcome,
    int httpStatus,
    String errorCode,
    String errorMessage,
    long wallStartEpochMs,
    long tSchedNs,
    long tSendNs,
    long tFirstNs,
    long tAnswerNs,
    long tLastNs,
    long tDoneNs,
    int tokenEvents,
    int promptTokens,
    int completionTokens,
    int reasoningTokens,
    int cachedTokens,
    TokenSource tokenSource,
    BigDecimal costUsd,
    String nonce,
    long tCallSchedNs,
    long connectNs,
    long tlsNs,
    Boolean byok,
    Double genLatencyMs,
    Double genTimeMs) {

  public static final long NONE = -1L;

  public CallRecord {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(cellId, "cellId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(tokenSource, "tokenSource");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt is 1-based, not " + attempt);
    }
  }

  /**
   * A builder with every component unset but for these defaults: attempt 1, phase {@link
   * Phase#MEASUREMENT}, every stamp {@link #NONE}, token source {@link TokenSource#NONE}, and
   * {@code tCallSchedNs} equal to {@code tSchedNs} (a first attempt) unless set.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding every component of this record, to copy it with a few changed. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** This attempt under another call id (shards merged into one run renumber their calls). */
  public CallRecord withCallId(long id) {
    return toBuilder().callId(id).build();
  }

  public CallRecord withPhase(Phase newPhase) {
    return toBuilder().phase(newPhase).build();
  }

  public CallRecord withRequestedProvider(String provider) {
    return toBuilder().requestedProvider(provider).build();
  }

  public CallRecord withErrorMessage(String message) {
    return toBuilder().errorMessage(message).build();
  }

  /** Named setters for the 33 components, so no call site depends on their order. */
  public static final class Builder {
    private long callId;
    private int attempt = 1;
    private int iteration;
    private Phase phase = Phase.MEASUREMENT;
    private String cellId;
    private String promptId;
    private String model;
    private String requestedProvider;
    private String servedProvider;
    private String servedModel;
    private String generationId;
    private Outcome outcome;
    private int httpStatus;
    private String errorCode;
    private String errorMessage;
    private long wallStartEpochMs;
    private long tSchedNs = NONE;
    private long tSendNs = NONE;
    private long tFirstNs = NONE;
    private long tAnswerNs = NONE;
    private long tLastNs = NONE;
    private long tDoneNs = NONE;
    private int tokenEvents;
    private int promptTokens;
    private int completionTokens;
    private int reasoningTokens;
    private int cachedTokens;
    private TokenSource tokenSource = TokenSource.NONE;
    private BigDecimal costUsd;
    private String nonce;
    // Boxed so that "not set" can follow tSchedNs: a first attempt is scheduled when its call is.
    private Long tCallSchedNs;
    private long connectNs;
    private long tlsNs;
    private Boolean byok;
    private Double genLatencyMs;
    private Double genTimeMs;

    private Builder() {}

    private Builder(CallRecord r) {
      callId = r.callId;
      attempt = r.attempt;
      iteration = r.iteration;
      phase = r.phase;
      cellId = r.cellId;
      promptId = r.promptId;
      model = r.model;
      requestedProvider = r.requestedProvider;
      servedProvider = r.servedProvider;
      servedModel = r.servedModel;
      generationId = r.generationId;
      outcome = r.outcome;
      httpStatus = r.httpStatus;
      errorCode = r.errorCode;
      errorMessage = r.errorMessage;
      wallStartEpochMs = r.wallStartEpochMs;
      tSchedNs = r.tSchedNs;
      tSendNs = r.tSendNs;
      tFirstNs = r.tFirstNs;
      tAnswerNs = r.tAnswerNs;
      tLastNs = r.tLastNs;
      tDoneNs = r.tDoneNs;
      tokenEvents = r.tokenEvents;
      promptTokens = r.promptTokens;
      completionTokens = r.completionTokens;
      reasoningTokens = r.reasoningTokens;
      cachedTokens = r.cachedTokens;
      tokenSource = r.tokenSource;
      costUsd = r.costUsd;
      connectNs = r.connectNs;
      tlsNs = r.tlsNs;
      nonce = r.nonce;
      tCallSchedNs = r.tCallSchedNs;
      byok = r.byok;
      genLatencyMs = r.genLatencyMs;
      genTimeMs = r.genTimeMs;
    }

    public Builder callId(long callId) {
      this.callId = callId;
      return this;
    }

    public Builder attempt(int attempt) {
      this.attempt = attempt;
      return this;
    }

    public Builder iteration(int iteration) {
      this.iteration = iteration;
      return this;
    }

    public Builder phase(Phase phase) {
      this.phase = phase;
      return this;
    }

    public Builder cellId(String cellId) {
      this.cellId = cellId;
      return this;
    }

    public Builder promptId(String promptId) {
      this.promptId = promptId;
      return this;
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder requestedProvider(String requestedProvider) {
      this.requestedProvider = requestedProvider;
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

    public Builder generationId(String generationId) {
      this.generationId = generationId;
      return this;
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

    public Builder wallStartEpochMs(long wallStartEpochMs) {
      this.wallStartEpochMs = wallStartEpochMs;
      return this;
    }

    public Builder tSchedNs(long tSchedNs) {
      this.tSchedNs = tSchedNs;
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

    public Builder tokenEvents(int tokenEvents) {
      this.tokenEvents = tokenEvents;
      return this;
    }

    public Builder promptTokens(int promptTokens) {
      this.promptTokens = promptTokens;
      return this;
    }

    public Builder completionTokens(int completionTokens) {
      this.completionTokens = completionTokens;
      return this;
    }

    public Builder reasoningTokens(int reasoningTokens) {
      this.reasoningTokens = reasoningTokens;
      return this;
    }

    public Builder cachedTokens(int cachedTokens) {
      this.cachedTokens = cachedTokens;
      return this;
    }

    public Builder tokenSource(TokenSource tokenSource) {
      this.tokenSource = tokenSource;
      return this;
    }

    public Builder costUsd(BigDecimal costUsd) {
      this.costUsd = costUsd;
      return this;
    }

    public Builder nonce(String nonce) {
      this.nonce = nonce;
      return this;
    }

    /** When the call's first attempt was scheduled; left unset, it is {@code tSchedNs}. */
    public Builder tCallSchedNs(long tCallSchedNs) {
      this.tCallSchedNs = tCallSchedNs;
      return this;
    }

    /** The connection set-up before the send: TCP connect (with a proxy tunnel) and TLS. */
    public Builder connection(long connectNs, long tlsNs) {
      this.connectNs = connectNs;
      this.tlsNs = tlsNs;
      return this;
    }

    public Builder byok(Boolean byok) {
      this.byok = byok;
      return this;
    }

    /** OpenRouter's record of the generation: total latency and generation time, ms. */
    public Builder generationStats(Double latencyMs, Double generationTimeMs) {
      this.genLatencyMs = latencyMs;
      this.genTimeMs = generationTimeMs;
      return this;
    }

    public CallRecord build() {
      return new CallRecord(
          callId,
          attempt,
          iteration,
          phase,
          cellId,
          promptId,
          model,
          requestedProvider,
          servedProvider,
          servedModel,
          generationId,
          outcome,
          httpStatus,
          errorCode,
          errorMessage,
          wallStartEpochMs,
          tSchedNs,
          tSendNs,
          tFirstNs,
          tAnswerNs,
          tLastNs,
          tDoneNs,
          tokenEvents,
          promptTokens,
          completionTokens,
          reasoningTokens,
          cachedTokens,
          tokenSource,
          costUsd,
          nonce,
          tCallSchedNs == null ? tSchedNs : tCallSchedNs,
          connectNs,
          tlsNs,
          byok,
          genLatencyMs,
          genTimeMs);
    }
  }

  /**
   * A fallback: the provider that served differs from the first one the cell asked for, matched by
   * {@code names} (slug → display name from endpoint data).
   */
  public boolean fallback(ProviderNames names) {
    return requestedProvider != null
        && servedProvider != null
        && !"auto".equals(requestedProvider)
        && !names.same(requestedProvider, servedProvider);
  }

  /** Time to first token: t_first − t_send, or {@link #NONE}. */
  public long ttftNs() {
    return since(tSendNs, tFirstNs);
  }

  /** Time to first answer (visible content) token: t_answer − t_send, or {@link #NONE}. */
  public long ttfaNs() {
    return since(tSendNs, tAnswerNs);
  }

  /** End to end: t_last − t_send, or {@link #NONE}. */
  public long e2eNs() {
    return since(tSendNs, tLastNs);
  }

  /** Dispatch delay: t_send − t_sched, or {@link #NONE}. */
  public long dispatchDelayNs() {
    return since(tSchedNs, tSendNs);
  }

  /** TTFT from the intended start: free of coordinated omission in open loop. */
  public long ttftScheduledNs() {
    return since(tSchedNs, tFirstNs);
  }

  /** E2E from the intended start. */
  public long e2eScheduledNs() {
    return since(tSchedNs, tLastNs);
  }

  /**
   * The whole call, retries and their waits included: t_last of this attempt − the first attempt's
   * t_sched, or {@link #NONE}. On a first attempt it equals the scheduled E2E.
   */
  public long callE2eNs() {
    return since(tCallSchedNs, tLastNs);
  }

  /** Time per output token: (t_last − t_first) / (N_out − 1), or {@link #NONE} below 2 tokens. */
  public long tpotNs() {
    if (completionTokens < 2 || tFirstNs == NONE || tLastNs == NONE) {
      return NONE;
    }
    return (tLastNs - tFirstNs) / (completionTokens - 1);
  }

  /** Output speed, tokens per second (1 / TPOT), or NaN when TPOT is undefined. */
  public double outputTokensPerSecond() {
    long tpot = tpotNs();
    return tpot <= 0 ? Double.NaN : 1e9 / tpot;
  }

  private static long since(long from, long to) {
    return from == NONE || to == NONE ? NONE : to - from;
  }
}
