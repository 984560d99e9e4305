package dev.pitwall.sim.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /generation?id=} reports about one call. Created when the call is planned; {@link
 * #complete} or {@link #cancel} is called once from the channel's event loop.
 *
 * <p>Thread-safety: the mutable fields are volatile; they are written by one event loop and read by
 * any.
 */
public final class GenerationRecord {
  private final CallPlan plan;
  private final Instant createdAt;
  private final String referer;
  private final String userAgent;
  private volatile boolean cancelled;
  private volatile boolean finished;
  private volatile long latencyMs;

  public GenerationRecord(CallPlan plan, Instant createdAt, String referer, String userAgent) {
    this.plan = plan;
    this.createdAt = createdAt;
    this.referer = referer;
    this.userAgent = userAgent;
  }

  public CallPlan plan() {
    return plan;
  }

  public void complete(long latencyNanos) {
    latencyMs = latencyNanos / 1_000_000;
    finished = true;
  }

  public void cancel(long latencyNanos) {
    latencyMs = latencyNanos / 1_000_000;
    cancelled = true;
    finished = true;
  }

  public boolean cancelled() {
    return cancelled;
  }

  public boolean finished() {
    return finished;
  }

  /** The §7 shape: every key present, most nullable. */
  public byte[] toJson() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", plan.id());
    d.put("upstream_id", plan.id().replace("gen-", "chatcmpl-"));
    d.put("model", plan.replyModel());
    d.put("provider_name", plan.endpoint().providerName());
    d.put("router", null);
    d.put("api_type", "completions");
    d.put("created_at", createdAt.toString());
    d.put("origin", referer);
    d.put("http_referer", referer);
    d.put("user_agent", userAgent);
    d.put("external_user", null);
    d.put("app_id", null);
    d.put("preset_id", null);
    d.put("workspace_id", null);
    d.put("data_region", null);
    d.put("service_tier", null);
    long ttftMs = firstTokenMs();
    d.put("latency", latencyMs);
    d.put("generation_time", Math.max(0, latencyMs - ttftMs));
    d.put("moderation_latency", null);
    d.put("tokens_prompt", plan.promptTokens());
    d.put("tokens_completion", plan.completionTokens());
    d.put("native_tokens_prompt", plan.promptTokens());
    d.put("native_tokens_completion", plan.completionTokens());
    d.put("native_tokens_reasoning", 0);
    d.put("native_tokens_cached", 0);
    d.put("native_tokens_completion_images", 0);
    d.put("total_cost", plan.cost());
    d.put("usage", plan.cost());
    d.put("upstream_inference_cost", null);
    d.put("cache_discount", null);
    d.put("is_byok", false);
    d.put("finish_reason", cancelled ? null : plan.finishReason());
    d.put("native_finish_reason", cancelled ? null : plan.finishReason());
    d.put("streamed", plan.stream());
    d.put("cancelled", cancelled);
    List<Object> responses = new ArrayList<>();
    for (Attempt a : plan.attempts()) {
      responses.add(
          response(a.endpoint().providerName(), a.status(), a.latencyNanos() / 1_000_000));
    }
    responses.add(response(plan.endpoint().providerName(), 200, latencyMs));
    d.put("provider_responses", responses);
    d.put("num_media_prompt", 0);
    d.put("num_media_completion", 0);
    d.put("num_input_audio_prompt", 0);
    d.put("num_search_results", 0);
    d.put("num_fetches", 0);
    d.put("web_search_engine", null);
    return Wire.bytes(Map.of("data", d));
  }

  private long firstTokenMs() {
    Step first = plan.first(Step.Kind.TOKENS);
    return first == null ? 0 : first.atNanos() / 1_000_000;
  }

  private static Map<String, Object> response(String provider, int status, long latencyMs) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("provider_name", provider);
    r.put("status", status);
    r.put("latency", latencyMs);
    return r;
  }
}
