package dev.pitwall.sim.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /generation?id=} reports about one call, as the {@link GenerationStore} holds it
 * at the moment it is asked.
 *
 * @param latencyMs from arrival to the end of the reply, or to the client leaving; 0 while running
 */
public record GenerationRecord(
    String id,
    String replyModel,
    String providerName,
    int promptTokens,
    int completionTokens,
    BigDecimal cost,
    String finishReason,
    boolean stream,
    long firstTokenMs,
    List<Attempt> attempts,
    long createdEpochSecond,
    String referer,
    String userAgent,
    boolean cancelled,
    long latencyMs) {

  /** OpenRouter's /generation shape: every key present, most nullable. */
  public byte[] toJson() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("upstream_id", id.replace("gen-", "chatcmpl-"));
    d.put("model", replyModel);
    d.put("provider_name", providerName);
    d.put("router", null);
    d.put("api_type", "completions");
    d.put("created_at", Instant.ofEpochSecond(createdEpochSecond).toString());
    // OpenRouter's schema types origin and data_region as strings, never null.
    d.put("origin", referer == null ? "" : referer);
    d.put("http_referer", referer);
    d.put("user_agent", userAgent);
    d.put("external_user", null);
    d.put("app_id", null);
    d.put("preset_id", null);
    d.put("workspace_id", null);
    d.put("data_region", "global");
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
