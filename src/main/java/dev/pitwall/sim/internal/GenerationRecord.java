package dev.pitwall.sim.internal;

import java.math.BigDecimal;
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
  // What toJson() needs, copied out of the plan: the plan itself (every step and the whole text)
  // is ~1.5 KB a call and the store keeps the last 100,000 records. Few objects per record, too:
  // records outlive a young collection, and copying them is most of its pause.
  private final String id;
  private final String replyModel;
  private final String providerName;
  private final int promptTokens;
  private final int completionTokens;
  private final BigDecimal cost;
  private final String finishReason;
  private final boolean stream;
  private final long firstTokenMs;
  private final List<Attempt> attempts;
  private final long createdEpochSecond;
  private final String referer;
  private final String userAgent;
  private volatile boolean cancelled;
  private volatile boolean finished;
  private volatile long latencyMs;

  public GenerationRecord(
      CallPlan plan, long createdEpochSecond, String referer, String userAgent) {
    this.id = plan.id();
    this.replyModel = plan.replyModel();
    this.providerName = plan.endpoint().providerName();
    this.promptTokens = plan.promptTokens();
    this.completionTokens = plan.completionTokens();
    this.cost = plan.cost();
    this.finishReason = plan.finishReason();
    this.stream = plan.stream();
    Step first = plan.first(Step.Kind.TOKENS);
    this.firstTokenMs = first == null ? 0 : first.atNanos() / 1_000_000;
    this.attempts = plan.attempts();
    this.createdEpochSecond = createdEpochSecond;
    this.referer = referer;
    this.userAgent = userAgent;
  }

  public String id() {
    return id;
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
    d.put("id", id);
    d.put("upstream_id", id.replace("gen-", "chatcmpl-"));
    d.put("model", replyModel);
    d.put("provider_name", providerName);
    d.put("router", null);
    d.put("api_type", "completions");
    d.put("created_at", Instant.ofEpochSecond(createdEpochSecond).toString());
    d.put("origin", referer);
    d.put("http_referer", referer);
    d.put("user_agent", userAgent);
    d.put("external_user", null);
    d.put("app_id", null);
    d.put("preset_id", null);
    d.put("workspace_id", null);
    d.put("data_region", null);
    d.put("service_tier", null);
    d.put("latency", latencyMs);
    d.put("generation_time", Math.max(0, latencyMs - firstTokenMs));
    d.put("moderation_latency", null);
    d.put("tokens_prompt", promptTokens);
    d.put("tokens_completion", completionTokens);
    d.put("native_tokens_prompt", promptTokens);
    d.put("native_tokens_completion", completionTokens);
    d.put("native_tokens_reasoning", 0);
    d.put("native_tokens_cached", 0);
    d.put("native_tokens_completion_images", 0);
    d.put("total_cost", cost);
    d.put("usage", cost);
    d.put("upstream_inference_cost", null);
    d.put("cache_discount", null);
    d.put("is_byok", false);
    d.put("finish_reason", cancelled ? null : finishReason);
    d.put("native_finish_reason", cancelled ? null : finishReason);
    d.put("streamed", stream);
    d.put("cancelled", cancelled);
    List<Object> responses = new ArrayList<>();
    for (Attempt a : attempts) {
      responses.add(
          response(a.endpoint().providerName(), a.status(), a.latencyNanos() / 1_000_000));
    }
    responses.add(response(providerName, 200, latencyMs));
    d.put("provider_responses", responses);
    d.put("num_media_prompt", 0);
    d.put("num_media_completion", 0);
    d.put("num_input_audio_prompt", 0);
    d.put("num_search_results", 0);
    d.put("num_fetches", 0);
    d.put("web_search_engine", null);
    return Wire.bytes(Map.of("data", d));
  }

  private static Map<String, Object> response(String provider, int status, long latencyMs) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("provider_name", provider);
    r.put("status", status);
    r.put("latency", latencyMs);
    return r;
  }
}
