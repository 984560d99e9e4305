package dev.pitwall.sim.internal;

import dev.pitwall.sim.FaultKind;
import dev.pitwall.sim.FaultRule;
import dev.pitwall.sim.SimEndpoint;
import dev.pitwall.sim.SimModel;
import dev.pitwall.sim.SimProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Decides a chat completion from the profile, the request, the server seed and the call's sequence
 * number: routing, faults, timings and text. A pure function: the same inputs give the same plan,
 * which is what makes two servers with one seed give the same outcomes and served providers.
 *
 * <p>Thread-safe (immutable).
 */
public final class CallPlanner {
  /** A failed upstream attempt costs this much time unless its rule says {@code delay_ms}. */
  static final long DEFAULT_FAILED_ATTEMPT_NANOS = 40_000_000L;

  /** Keep-alive comment period of a KEEPALIVE fault without {@code delay_ms}. */
  static final long DEFAULT_KEEPALIVE_NANOS = 100_000_000L;

  private final SimProfile profile;
  private final long seed;

  public CallPlanner(SimProfile profile, long seed) {
    this.profile = profile;
    this.seed = seed;
  }

  public SimProfile profile() {
    return profile;
  }

  /**
   * @param seq the call's sequence number on this server (0, 1, 2, ...)
   * @param elapsedS seconds since the server started, for fault windows
   * @param createdEpochS wall-clock seconds for {@code created}; does not affect decisions
   */
  public CallPlan plan(ChatRequest req, long seq, double elapsedS, long createdEpochS) {
    SplittableRandom random = new SplittableRandom(Seeds.mix(seed, seq));
    String id = GenerationId.next(createdEpochS, random);
    String fingerprint = "fp_" + Long.toHexString(Seeds.mix(seed, -1)).substring(0, 10);
    Draft draft = new Draft(id, createdEpochS, req.stream(), fingerprint, req.promptTokens());

    List<String> chain = new ArrayList<>();
    chain.add(req.model() != null ? req.model() : profile.models().get(0).id());
    chain.addAll(req.models());
    for (String requested : chain) {
      if (profile.model(baseId(requested)).isEmpty()) {
        return draft.fail(
            0, ErrorReply.of(400, requested + " is not a valid model ID", "invalid_request"));
      }
    }
    String primary = baseId(chain.get(0));

    for (FaultRule rule : profile.faults()) {
      boolean edge =
          (rule.kind() == FaultKind.ERROR && !rule.isProviderScoped())
              || rule.kind() == FaultKind.HTML_ERROR;
      if (edge && rule.matches(primary, null, elapsedS) && random.nextDouble() < rule.rate()) {
        return draft.fail(millis(rule.delayMs(), 0), edgeError(rule));
      }
    }

    List<Attempt> attempts = new ArrayList<>();
    long failedNanos = 0;
    ErrorReply lastError = null;
    for (String requested : chain) {
      SimModel model = profile.model(baseId(requested)).orElseThrow();
      ProviderPrefs prefs = req.provider();
      String suffixSort = suffixSort(requested);
      if (suffixSort != null && prefs.sort() == null) {
        prefs = prefs.withSort(suffixSort);
      }
      // As OpenRouter does, max_tokens excludes endpoints that cannot emit that many.
      List<SimEndpoint> candidates =
          Router.candidates(model, prefs, random, e -> outageRule(model.id(), e, elapsedS) != null)
              .stream()
              .filter(e -> req.maxTokens() == null || req.maxTokens() <= e.maxCompletionTokens())
              .toList();
      for (SimEndpoint endpoint : candidates) {
        FaultRule failure = attemptFailure(model.id(), endpoint, elapsedS, random);
        if (failure == null) {
          draft.attempts = attempts;
          return serve(draft, req, requested, model, endpoint, failedNanos, elapsedS, random);
        }
        long latency = millis(failure.delayMs(), DEFAULT_FAILED_ATTEMPT_NANOS);
        failedNanos += latency;
        attempts.add(new Attempt(model.id(), endpoint, failure.status(), latency));
        lastError = providerError(failure, model, endpoint);
      }
    }
    draft.attempts = attempts;
    if (lastError == null) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("error_type", "invalid_request");
      return draft.fail(
          0,
          new ErrorReply(
              404, "No endpoints found for " + chain.get(0) + ".", metadata, null, false));
    }
    return draft.fail(failedNanos, lastError);
  }

  private CallPlan serve(
      Draft draft,
      ChatRequest req,
      String requested,
      SimModel model,
      SimEndpoint endpoint,
      long failedNanos,
      double elapsedS,
      SplittableRandom random) {
    var latency = endpoint.latency();
    long ttft = latency.sampleTtftNanos(random);
    int answer = latency.sampleAnswerTokens(random);
    int limit = req.maxTokens() == null ? endpoint.maxCompletionTokens() : req.maxTokens();
    int n = Math.min(answer, limit);
    String finish = answer > limit ? "length" : "stop";
    List<String> tokens =
        req.jsonMode()
            ? TextGenerator.jsonTokens(seed, model.id(), req.promptHash(), n)
            : TextGenerator.tokens(seed, model.id(), req.promptHash(), n);
    int cut = stopCut(tokens, req.stop());
    if (cut >= 0) {
      tokens = tokens.subList(0, Math.max(cut, 0));
      finish = "stop";
    }
    if (tokens.isEmpty()) {
      tokens = List.of("");
    }
    int size = latency.tokensPerChunk();
    StreamFaults faults =
        StreamFaults.draw(profile, model.id(), endpoint, elapsedS, random, tokens.size());
    List<Step> steps = new ArrayList<>();
    long headersAt = faults.slowHeadersNanos;
    if (faults.resetAfter == 0) {
      steps.add(Step.at(headersAt + failedNanos, Step.Kind.RESET));
      return draft.finish(requested, model, endpoint, 0, "error", "", steps);
    }
    steps.add(Step.at(headersAt, Step.Kind.HEADERS));
    steps.add(Step.at(headersAt, Step.Kind.COMMENT));
    long firstAt = headersAt + failedNanos + ttft;
    if (faults.keepaliveNanos > 0) {
      for (long t = headersAt + faults.keepaliveNanos; t < firstAt; t += faults.keepaliveNanos) {
        steps.add(Step.at(t, Step.Kind.COMMENT));
      }
    }
    long at = firstAt;
    int emitted = 0;
    boolean brokenSent = false;
    StringBuilder content = new StringBuilder();
    for (int from = 0, chunk = 0; from < tokens.size(); from += size, chunk++) {
      int to = Math.min(tokens.size(), from + size);
      if (chunk > 0) {
        long gap = latency.sampleChunkGapNanos(random, to - from);
        if (chunk == 1 && faults.stall) {
          if (faults.stallMs == null) {
            steps.add(Step.at(at, Step.Kind.HANG));
            return draft.finish(requested, model, endpoint, emitted, "error", content, steps);
          }
          gap += faults.stallMs * 1_000_000L;
        }
        if (faults.keepaliveNanos > 0) {
          steps.add(Step.at(at + gap / 2, Step.Kind.COMMENT));
        }
        at += gap;
      }
      String text = to - from == 1 ? tokens.get(from) : String.join("", tokens.subList(from, to));
      boolean broken = !brokenSent && faults.brokenAfter >= 0 && emitted >= faults.brokenAfter;
      brokenSent |= broken;
      steps.add(new Step(at, broken ? Step.Kind.BROKEN_JSON : Step.Kind.TOKENS, text, to - from));
      emitted += to - from;
      content.append(text);
      if (faults.errorAfter >= 0 && emitted >= Math.min(faults.errorAfter, tokens.size())) {
        steps.add(Step.at(at, Step.Kind.STREAM_ERROR));
        steps.add(Step.at(at, Step.Kind.DONE));
        return draft.finish(requested, model, endpoint, emitted, "error", content, steps);
      }
      if (faults.resetAfter > 0 && emitted >= Math.min(faults.resetAfter, tokens.size())) {
        steps.add(Step.at(at, Step.Kind.RESET));
        return draft.finish(requested, model, endpoint, emitted, "error", content, steps);
      }
    }
    if (faults.stall && tokens.size() <= size) {
      // A one-chunk answer stalls between its only chunk and the finish.
      if (faults.stallMs == null) {
        steps.add(Step.at(at, Step.Kind.HANG));
        return draft.finish(requested, model, endpoint, emitted, "error", content, steps);
      }
      at += faults.stallMs * 1_000_000L;
    }
    steps.add(Step.at(at, Step.Kind.FINISH));
    steps.add(Step.at(at, Step.Kind.USAGE));
    steps.add(Step.at(at, Step.Kind.DONE));
    return draft.finish(requested, model, endpoint, emitted, finish, content, steps);
  }

  /** Index of the first token at which a stop sequence starts, or -1. */
  static int stopCut(List<String> tokens, List<String> stops) {
    if (stops.isEmpty()) {
      return -1;
    }
    StringBuilder text = new StringBuilder();
    int[] ends = new int[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      text.append(tokens.get(i));
      ends[i] = text.length();
    }
    int best = -1;
    for (String stop : stops) {
      if (stop.isEmpty()) {
        continue;
      }
      int idx = text.indexOf(stop);
      if (idx >= 0 && (best < 0 || idx < best)) {
        best = idx;
      }
    }
    if (best < 0) {
      return -1;
    }
    for (int i = 0; i < ends.length; i++) {
      if (ends[i] > best) {
        return i;
      }
    }
    return tokens.size();
  }

  private FaultRule outageRule(String modelId, SimEndpoint endpoint, double elapsedS) {
    for (FaultRule rule : profile.faults()) {
      if (rule.kind() == FaultKind.OUTAGE && rule.matches(modelId, endpoint, elapsedS)) {
        return rule;
      }
    }
    return null;
  }

  private FaultRule attemptFailure(
      String modelId, SimEndpoint endpoint, double elapsedS, SplittableRandom random) {
    for (FaultRule rule : profile.faults()) {
      boolean attemptKind =
          rule.kind() == FaultKind.OUTAGE
              || (rule.kind() == FaultKind.ERROR && rule.isProviderScoped());
      if (attemptKind
          && rule.matches(modelId, endpoint, elapsedS)
          && random.nextDouble() < rule.rate()) {
        return rule;
      }
    }
    return null;
  }

  private static ErrorReply edgeError(FaultRule rule) {
    int status = rule.status();
    if (rule.kind() == FaultKind.HTML_ERROR) {
      return new ErrorReply(status, "Bad Gateway", null, rule.retryAfterS(), true);
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("error_type", errorType(status));
    String message =
        switch (status) {
          case 429 -> "Rate limit exceeded";
          case 500 -> "Internal Server Error";
          case 502 -> "Provider returned error";
          case 503 -> "No available providers for this request";
          default -> "Request failed";
        };
    if (status == 429 && rule.retryAfterS() != null) {
      metadata.put("retry_after_seconds", rule.retryAfterS());
    }
    return new ErrorReply(status, message, metadata, rule.retryAfterS(), false);
  }

  private static ErrorReply providerError(FaultRule rule, SimModel model, SimEndpoint endpoint) {
    int status = rule.status();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("error_type", errorType(status));
    metadata.put("provider_name", endpoint.providerName());
    metadata.put("is_byok", false);
    String raw =
        switch (status) {
          case 429 -> model.id() + " is temporarily rate-limited upstream";
          case 503 -> endpoint.providerName() + " is unavailable";
          default -> "upstream returned HTTP " + status;
        };
    if (status != 500) {
      metadata.put("raw", raw);
    }
    if (rule.retryAfterS() != null) {
      metadata.put("retry_after_seconds", rule.retryAfterS());
    }
    String message = status == 500 ? "Internal Server Error" : "Provider returned error";
    return new ErrorReply(status, message, metadata, rule.retryAfterS(), false);
  }

  static String errorType(int status) {
    return switch (status) {
      case 400, 404, 422 -> "invalid_request";
      case 401 -> "authentication";
      case 402 -> "payment_required";
      case 403 -> "content_policy_violation";
      case 408, 524 -> "timeout";
      case 429 -> "rate_limit_exceeded";
      case 502, 503 -> "provider_unavailable";
      case 529 -> "provider_overloaded";
      default -> "server";
    };
  }

  /**
   * OpenRouter's documented variants. The simulator serves each as its base model; only {@code
   * :nitro} and {@code :floor} change routing (by throughput, by price).
   */
  private static final List<String> VARIANTS =
      List.of("free", "nitro", "floor", "online", "thinking", "extended", "exacto");

  /** The model id without a variant suffix (":nitro", ":online", ...). */
  static String baseId(String requested) {
    int colon = requested.indexOf(':');
    if (colon < 0) {
      return requested;
    }
    return VARIANTS.contains(requested.substring(colon + 1))
        ? requested.substring(0, colon)
        : requested;
  }

  private static String suffixSort(String requested) {
    if (requested.endsWith(":nitro")) {
      return "throughput";
    }
    return requested.endsWith(":floor") ? "price" : null;
  }

  private static long millis(Integer ms, long otherwise) {
    return ms == null ? otherwise : ms * 1_000_000L;
  }

  /** The stream faults that strike one call, drawn in profile order after its timings. */
  private static final class StreamFaults {
    long slowHeadersNanos;
    boolean stall;
    Integer stallMs;
    int resetAfter = -1;
    int errorAfter = -1;
    int brokenAfter = -1;
    long keepaliveNanos;

    static StreamFaults draw(
        SimProfile profile,
        String modelId,
        SimEndpoint endpoint,
        double elapsedS,
        SplittableRandom random,
        int answerTokens) {
      StreamFaults f = new StreamFaults();
      for (FaultRule rule : profile.faults()) {
        boolean streamKind =
            switch (rule.kind()) {
              case ERROR, HTML_ERROR, OUTAGE -> false;
              default -> true;
            };
        if (!streamKind
            || !rule.matches(modelId, endpoint, elapsedS)
            || !(random.nextDouble() < rule.rate())) {
          continue;
        }
        int after = rule.afterTokens() == null ? -1 : rule.afterTokens();
        switch (rule.kind()) {
          case SLOW_HEADERS -> f.slowHeadersNanos += millis(rule.delayMs(), 0);
          case STALL -> {
            f.stall = true;
            f.stallMs = rule.delayMs();
          }
          case RESET -> f.resetAfter = Math.max(after, 0);
          case MID_STREAM_ERROR -> f.errorAfter = after < 0 ? Math.max(1, answerTokens / 2) : after;
          case INVALID_JSON -> f.brokenAfter = after < 0 ? 1 : after;
          case KEEPALIVE -> f.keepaliveNanos = millis(rule.delayMs(), DEFAULT_KEEPALIVE_NANOS);
          default -> throw new IllegalStateException(rule.kind().name());
        }
      }
      return f;
    }
  }

  /** What is known of the plan before it is served or fails. */
  private static final class Draft {
    final String id;
    final long created;
    final boolean stream;
    final String fingerprint;
    final int promptTokens;
    List<Attempt> attempts = List.of();

    Draft(String id, long created, boolean stream, String fingerprint, int promptTokens) {
      this.id = id;
      this.created = created;
      this.stream = stream;
      this.fingerprint = fingerprint;
      this.promptTokens = promptTokens;
    }

    CallPlan fail(long atNanos, ErrorReply error) {
      return new CallPlan(
          id,
          created,
          stream,
          null,
          null,
          null,
          attempts,
          error,
          promptTokens,
          0,
          "error",
          "",
          fingerprint,
          List.of(Step.at(atNanos, Step.Kind.ERROR_REPLY)));
    }

    CallPlan finish(
        String requested,
        SimModel model,
        SimEndpoint endpoint,
        int completionTokens,
        String finishReason,
        CharSequence content,
        List<Step> steps) {
      return new CallPlan(
          id,
          created,
          stream,
          requested,
          model,
          endpoint,
          attempts,
          null,
          promptTokens,
          completionTokens,
          finishReason,
          content.toString(),
          fingerprint,
          steps);
    }
  }
}
