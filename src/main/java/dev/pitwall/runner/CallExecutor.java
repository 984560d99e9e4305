package dev.pitwall.runner;

import dev.pitwall.client.ChatCall;
import dev.pitwall.client.ClientResult;
import dev.pitwall.client.Usage;
import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.TokenSource;
import dev.pitwall.suite.Cell;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes one planned call: checks stop and budget, waits on the limits, calls, records the attempt,
 * and retries as the policy says. Each attempt becomes its own {@link CallRecord}, linked by call
 * id; stamps are made relative to the run's start. Thread-safe: one instance serves all workers.
 */
final class CallExecutor {
  private final RunContext ctx;
  private final Limiters limiters;
  private final RetryPolicy retryPolicy;
  private final Budget budget;
  private final Halt halt;
  private final GenerationStats generations;
  private final long t0;
  private final AtomicLong nonces = new AtomicLong();

  CallExecutor(
      RunContext ctx,
      Limiters limiters,
      RetryPolicy retryPolicy,
      Budget budget,
      Halt halt,
      GenerationStats generations,
      long t0) {
    this.ctx = ctx;
    this.limiters = limiters;
    this.retryPolicy = retryPolicy;
    this.budget = budget;
    this.halt = halt;
    this.generations = generations;
    this.t0 = t0;
  }

  /** Whether a new attempt may start: no stop, budget left, and the target has not halted us. */
  boolean mayStart() {
    return !ctx.stop().isStopped() && !budget.exhausted() && !halt.halted();
  }

  /**
   * Runs the call to its final attempt.
   *
   * @param tSchedNs raw ticker time the schedule intended the call to start
   */
  void execute(PlannedCall call, long tSchedNs) {
    int attempt = 1;
    long sched = tSchedNs;
    while (true) {
      if (!mayStart()) {
        finish(unsent(call, attempt, sched, tSchedNs));
        return;
      }
      ClientResult result;
      String nonce = ctx.nonce() ? Long.toString(nonces.incrementAndGet(), 36) : null;
      try {
        ctx.sleeper().sleepNanos(limiters.reserve(call.cell()));
        result = ctx.client().complete(chatCall(call.cell(), nonce));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        finish(
            skipped(call, attempt, sched, tSchedNs, Outcome.CANCELLED, "cancelled while waiting"));
        return;
      }
      if (Thread.interrupted() && result.outcome() != Outcome.OK) {
        result = cancelled(result);
        Thread.currentThread().interrupt();
      }
      CallRecord record = toRecord(call, attempt, sched, tSchedNs, result, nonce);
      if (retryPolicy.refusesWait(result.outcome(), attempt, result.retryAfterNanos())) {
        record = waitRefused(record, result.retryAfterNanos());
      }
      budget.add(record.costUsd());
      haltOn(record);
      write(record);
      ctx.metrics().recordGaps(record, result.gapsNs(), result.gapCount());
      long delay = retryPolicy.delayNanos(result.outcome(), attempt, result.retryAfterNanos());
      if (delay == RetryPolicy.NO_RETRY || Thread.currentThread().isInterrupted()) {
        ctx.progress().callEnded(record, budget.spent());
        return;
      }
      sched = ctx.ticker().nanos() + delay;
      try {
        ctx.sleeper().sleepNanos(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ctx.progress().callEnded(record, budget.spent());
        return;
      }
      attempt++;
    }
  }

  /**
   * The server asked for a longer wait than {@code retries.max_wait}: the call ends here, counted
   * as throttled (the server is holding calls back), and its row says why it was not retried.
   */
  private CallRecord waitRefused(CallRecord record, long retryAfterNanos) {
    String why =
        String.format(
            "Retry-After %.0f s exceeds retries.max_wait %d s: not retried",
            retryAfterNanos / 1e9, retryPolicy.maxWait().toSeconds());
    String message = record.errorMessage();
    return record.toBuilder()
        .outcome(Outcome.THROTTLED)
        .errorMessage(message == null || message.isEmpty() ? why : message + "; " + why)
        .build();
  }

  /** Records a call that was never sent (stopped, out of budget) so every call appears once. */
  void skip(PlannedCall call, Outcome outcome, String why) {
    finish(skipped(call, 1, CallRecord.NONE, CallRecord.NONE, outcome, why));
  }

  /** Records a call that {@link #mayStart} kept back, with the outcome of what held it. */
  void skipUnsent(PlannedCall call) {
    finish(unsent(call, 1, CallRecord.NONE, CallRecord.NONE));
  }

  /** A 402, or a 401/403 on the key, halts the run: the next attempts would be refused alike. */
  private void haltOn(CallRecord record) {
    Halt.Cause cause = Halt.causeOf(record.httpStatus(), record.errorCode());
    if (cause != null) {
      halt.halt(
          cause,
          String.format(
              "%s answered HTTP %d (%s)",
              record.model(),
              record.httpStatus(),
              record.errorMessage() == null ? "no message" : record.errorMessage()));
    }
  }

  /** The record of an attempt held back by a stop, the budget or a halt, in that precedence. */
  private CallRecord unsent(PlannedCall call, int attempt, long schedRaw, long callSchedRaw) {
    if (ctx.stop().isStopped()) {
      return skipped(call, attempt, schedRaw, callSchedRaw, Outcome.CANCELLED, ctx.stop().reason());
    }
    if (halt.halted()) {
      return skipped(call, attempt, schedRaw, callSchedRaw, halt.cause().unsent(), halt.reason());
    }
    return skipped(
        call, attempt, schedRaw, callSchedRaw, Outcome.BUDGET_STOPPED, "max_cost_usd reached");
  }

  /** A call's final record: written, and counted by the progress bar. */
  private void finish(CallRecord record) {
    write(record);
    ctx.progress().callEnded(record, budget.spent());
  }

  /**
   * Every attempt goes to the metrics at once and to requests.csv (written at once, or once
   * OpenRouter's record of it is in: {@link GenerationStats}).
   */
  private void write(CallRecord record) {
    generations.write(record);
    ctx.metrics().accept(record);
  }

  private ChatCall chatCall(Cell cell, String nonce) {
    return new ChatCall(
        cell.model(),
        cell.prompt().messages(),
        cell.request(),
        cell.route(),
        ctx.plan().suite().timeouts(),
        nonce);
  }

  private static ClientResult cancelled(ClientResult r) {
    return ClientResult.failure(Outcome.CANCELLED, r.tSendNs(), r.tDoneNs(), "cancelled");
  }

  /** The record of an attempt never sent: no response, no stamps past its schedule. */
  private CallRecord skipped(
      PlannedCall call,
      int attempt,
      long schedRaw,
      long callSchedRaw,
      Outcome outcome,
      String why) {
    ClientResult unsent = ClientResult.failure(outcome, ClientResult.NONE, ClientResult.NONE, why);
    return toRecord(call, attempt, schedRaw, callSchedRaw, unsent, null);
  }

  private CallRecord toRecord(
      PlannedCall call,
      int attempt,
      long schedRaw,
      long callSchedRaw,
      ClientResult r,
      String nonce) {
    Cell cell = call.cell();
    Usage usage = r.usage();
    int promptTokens = usage == null ? 0 : usage.promptTokens();
    int completionTokens;
    TokenSource source;
    if (usage != null) {
      completionTokens = usage.completionTokens();
      source = TokenSource.SERVER;
    } else if (r.estimatedCompletionTokens() > 0) {
      completionTokens = r.estimatedCompletionTokens();
      source = TokenSource.ESTIMATED;
    } else {
      completionTokens = 0;
      source = TokenSource.NONE;
    }
    BigDecimal cost = usage == null ? null : usage.userCost();
    if (cost == null && (promptTokens > 0 || completionTokens > 0)) {
      cost = ctx.costs().estimate(cell.model(), promptTokens, completionTokens).orElse(null);
    }
    long tSend = rel(r.tSendNs());
    return CallRecord.builder()
        .callId(call.callId())
        .attempt(attempt)
        .iteration(call.iteration())
        .phase(call.phase())
        .cellId(cell.id())
        .promptId(cell.prompt().id())
        .model(cell.model())
        .requestedProvider(cell.requestedProviderLabel())
        .servedProvider(r.servedProvider())
        .servedModel(r.servedModel())
        .generationId(r.generationId())
        .outcome(r.outcome())
        .httpStatus(r.httpStatus())
        .errorCode(r.errorCode())
        .errorMessage(r.errorMessage())
        .wallStartEpochMs(
            ctx.startEpochMs()
                + Math.max(0, tSend == CallRecord.NONE ? rel(schedRaw) : tSend) / 1_000_000)
        .tSchedNs(rel(schedRaw))
        .tSendNs(tSend)
        .tFirstNs(rel(r.tFirstNs()))
        .tAnswerNs(rel(r.tAnswerNs()))
        .tLastNs(rel(r.tLastNs()))
        .tDoneNs(rel(r.tDoneNs()))
        .tokenEvents(r.tokenEvents())
        .promptTokens(promptTokens)
        .completionTokens(completionTokens)
        .reasoningTokens(usage == null ? 0 : usage.reasoningTokens())
        .cachedTokens(usage == null ? 0 : usage.cachedTokens())
        .tokenSource(source)
        .costUsd(cost)
        .nonce(nonce)
        .tCallSchedNs(rel(callSchedRaw))
        .connection(r.connectNs(), r.tlsNs())
        .byok(usage == null ? null : usage.isByok())
        .build();
  }

  private long rel(long raw) {
    return raw == ClientResult.NONE ? CallRecord.NONE : raw - t0;
  }
}
