package dev.pitwall.metrics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One attempt of one call, as requests.csv stores it. Stamps are nanoseconds from the run's start
 * on the run's {@code Ticker}; {@link #NONE} marks a stamp that never happened (no token, no send).
 * A retry is a new record with the same {@code callId} and the next {@code attempt}.
 *
 * @param tSchedNs when the schedule intended the call (attempt) to start
 * @param tSendNs when the request was handed to the transport
 * @param tFirstNs first event carrying a generated token on any channel
 * @param tAnswerNs first visible content token
 * @param tLastNs last token-bearing event (non-streaming: response end)
 * @param tDoneNs {@code [DONE]} or end of response
 * @param wallStartEpochMs wall-clock time of {@code tSendNs}, for humans and time-series charts
 * @param tCallSchedNs when the schedule intended the call's first attempt to start: the same as
 *     {@code tSchedNs} on a first attempt, earlier on a retry, so each row carries the whole call
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
    long tCallSchedNs) {

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

  /** A first attempt (or a record of a call never retried): the call starts with this attempt. */
  public CallRecord(
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
      String nonce) {
    this(
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
        tSchedNs);
  }

  /** This attempt under another call id (shards merged into one run renumber their calls). */
  public CallRecord withCallId(long id) {
    return copy(id, phase, requestedProvider, errorMessage);
  }

  public CallRecord withPhase(Phase newPhase) {
    return copy(callId, newPhase, requestedProvider, errorMessage);
  }

  public CallRecord withRequestedProvider(String provider) {
    return copy(callId, phase, provider, errorMessage);
  }

  public CallRecord withErrorMessage(String message) {
    return copy(callId, phase, requestedProvider, message);
  }

  /** The one full copy: every component kept, {@code tCallSchedNs} included, but those given. */
  private CallRecord copy(long id, Phase newPhase, String provider, String message) {
    return new CallRecord(
        id,
        attempt,
        iteration,
        newPhase,
        cellId,
        promptId,
        model,
        provider,
        servedProvider,
        servedModel,
        generationId,
        outcome,
        httpStatus,
        errorCode,
        message,
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
        tCallSchedNs);
  }

  /** A fallback: the provider that served differs from the first one the cell asked for. */
  public boolean fallback() {
    return requestedProvider != null
        && servedProvider != null
        && !"auto".equals(requestedProvider)
        && !ProviderNames.same(requestedProvider, servedProvider);
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
