package dev.pitwall.sim.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pitwall.sim.SimEndpoint;
import dev.pitwall.sim.SimModel;
import dev.pitwall.sim.SimProfile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes on the wire, in OpenRouter's shapes (docs/simulator.md, Endpoints). SSE chunks are
 * built by hand from a per-stream prefix, because they are the hot path; everything else goes
 * through Jackson with nulls kept (several keys are nullable but required).
 */
public final class Wire {
  public static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  public static final String PROCESSING = ": OPENROUTER PROCESSING\n\n";
  public static final String DONE = "data: [DONE]\n\n";

  private Wire() {}

  // ---- streaming ------------------------------------------------------------------------------

  /** {@code {"id":…,"provider":…,"model":…,"object":…,"created":…,"choices":[} for one stream. */
  public static String chunkPrefix(CallPlan plan) {
    return "data: {\"id\":\""
        + plan.id()
        + "\",\"provider\":"
        + quote(plan.endpoint().providerName())
        + ",\"model\":"
        + quote(plan.replyModel())
        + ",\"object\":\"chat.completion.chunk\",\"created\":"
        + plan.created()
        + ",\"choices\":[";
  }

  private static String chunkSuffix(CallPlan plan) {
    return "],\"system_fingerprint\":\"" + plan.systemFingerprint() + "\"}\n\n";
  }

  public static String tokenChunk(CallPlan plan, String prefix, String text) {
    return tokenHead(prefix) + quote(text) + tokenTail(plan);
  }

  /** A token chunk up to its content string: constant for one stream. */
  public static String tokenHead(String prefix) {
    return prefix + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":";
  }

  /** A token chunk after its content string: constant for one stream. */
  public static String tokenTail(CallPlan plan) {
    return "},\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}"
        + chunkSuffix(plan);
  }

  /** A token chunk cut in the middle of its JSON: the INVALID_JSON fault. */
  public static String brokenChunk(CallPlan plan, String prefix, String text) {
    String whole = tokenChunk(plan, prefix, text);
    return whole.substring(0, prefix.length() + (whole.length() - prefix.length()) / 2) + "\n\n";
  }

  public static String finishChunk(CallPlan plan, String prefix) {
    return prefix
        + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\""
        + plan.finishReason()
        + "\",\"native_finish_reason\":\""
        + plan.finishReason()
        + "\",\"logprobs\":null}"
        + chunkSuffix(plan);
  }

  public static String usageChunk(CallPlan plan, String prefix) {
    return prefix + "],\"usage\":" + toJson(usage(plan)) + "}\n\n";
  }

  /** A mid-stream error event: status stays 200, a choice with {@code finish_reason: error}. */
  public static String errorChunk(CallPlan plan) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", 502);
    error.put("message", "Provider returned error");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("error_type", "provider_unavailable");
    metadata.put("provider_name", plan.endpoint().providerName());
    metadata.put("raw", "upstream stream ended unexpectedly");
    error.put("metadata", metadata);
    Map<String, Object> choice = new LinkedHashMap<>();
    choice.put("index", 0);
    choice.put("delta", Map.of("content", ""));
    choice.put("finish_reason", "error");
    choice.put("native_finish_reason", "error");
    Map<String, Object> chunk = new LinkedHashMap<>();
    chunk.put("id", plan.id());
    chunk.put("object", "chat.completion.chunk");
    chunk.put("created", plan.created());
    chunk.put("model", plan.replyModel());
    chunk.put("provider", plan.endpoint().providerName());
    chunk.put("error", error);
    chunk.put("choices", List.of(choice));
    return "data: " + toJson(chunk) + "\n\n";
  }

  // ---- non-streaming --------------------------------------------------------------------------

  public static byte[] completion(CallPlan plan) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("role", "assistant");
    message.put("content", plan.content());
    message.put("refusal", null);
    message.put("reasoning", null);
    Map<String, Object> choice = new LinkedHashMap<>();
    choice.put("logprobs", null);
    choice.put("finish_reason", plan.finishReason());
    choice.put("native_finish_reason", plan.finishReason());
    choice.put("index", 0);
    choice.put("message", message);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", plan.id());
    body.put("provider", plan.endpoint().providerName());
    body.put("model", plan.replyModel());
    body.put("object", "chat.completion");
    body.put("created", plan.created());
    body.put("choices", List.of(choice));
    body.put("system_fingerprint", plan.systemFingerprint());
    body.put("usage", usage(plan));
    return bytes(body);
  }

  static Map<String, Object> usage(CallPlan plan) {
    SimEndpoint e = plan.endpoint();
    Map<String, Object> costDetails = new LinkedHashMap<>();
    costDetails.put("upstream_inference_cost", null);
    costDetails.put(
        "upstream_inference_prompt_cost", e.promptCost(plan.promptTokens()).stripTrailingZeros());
    costDetails.put(
        "upstream_inference_completions_cost",
        e.completionCost(plan.completionTokens()).stripTrailingZeros());
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("prompt_tokens", plan.promptTokens());
    usage.put("completion_tokens", plan.completionTokens());
    usage.put("total_tokens", plan.promptTokens() + plan.completionTokens());
    usage.put("cost", plan.cost().stripTrailingZeros());
    usage.put("is_byok", false);
    Map<String, Object> promptDetails = new LinkedHashMap<>();
    promptDetails.put("cached_tokens", 0);
    promptDetails.put("audio_tokens", 0);
    promptDetails.put("video_tokens", 0);
    usage.put("prompt_tokens_details", promptDetails);
    usage.put("cost_details", costDetails);
    Map<String, Object> completionDetails = new LinkedHashMap<>();
    completionDetails.put("reasoning_tokens", 0);
    completionDetails.put("image_tokens", 0);
    usage.put("completion_tokens_details", completionDetails);
    return usage;
  }

  // ---- errors ---------------------------------------------------------------------------------

  public static byte[] error(ErrorReply reply) {
    if (reply.html()) {
      return ("<html>\r\n<head><title>"
              + reply.status()
              + " Bad Gateway</title></head>\r\n<body>\r\n<center><h1>"
              + reply.status()
              + " Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n")
          .getBytes(StandardCharsets.UTF_8);
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", reply.status());
    error.put("message", reply.message());
    error.put("metadata", reply.metadata() == null ? Map.of() : reply.metadata());
    return bytes(Map.of("error", error));
  }

  // ---- catalogue ------------------------------------------------------------------------------

  public static byte[] models(SimProfile profile) {
    List<Object> data = new ArrayList<>();
    for (SimModel m : profile.models()) {
      data.add(model(m));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", data);
    body.put("total_count", data.size());
    body.put("links", nullable("next", null));
    return bytes(body);
  }

  public static Map<String, Object> model(SimModel m) {
    SimEndpoint cheapest = m.cheapest();
    Map<String, Object> pricing = new LinkedHashMap<>();
    pricing.put("prompt", cheapest.promptPrice().toPlainString());
    pricing.put("completion", cheapest.completionPrice().toPlainString());
    pricing.put("request", "0");
    pricing.put("image", "0");
    pricing.put("web_search", "0");
    pricing.put("internal_reasoning", "0");
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("context_length", m.contextLength());
    top.put("max_completion_tokens", m.maxCompletionTokens());
    top.put("is_moderated", false);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", m.id());
    out.put("canonical_slug", m.id());
    out.put("hugging_face_id", null);
    out.put("name", m.name());
    out.put("created", m.created());
    out.put("description", m.description());
    out.put("context_length", m.contextLength());
    out.put("architecture", architecture(m));
    out.put("pricing", pricing);
    out.put("top_provider", top);
    out.put("per_request_limits", null);
    out.put("supported_parameters", m.supportedParameters());
    out.put("default_parameters", null);
    out.put("supported_voices", null);
    out.put("expiration_date", null);
    out.put("knowledge_cutoff", null);
    out.put("links", Map.of("details", "/api/v1/models/" + m.id() + "/endpoints"));
    return out;
  }

  private static Map<String, Object> architecture(SimModel m) {
    String[] sides = m.modality().split("->", 2);
    List<String> inputs = List.of(sides[0].split("\\+"));
    List<String> outputs = List.of((sides.length > 1 ? sides[1] : "text").split("\\+"));
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("modality", m.modality());
    a.put("input_modalities", inputs);
    a.put("output_modalities", outputs);
    a.put("tokenizer", m.tokenizer());
    a.put("instruct_type", null);
    return a;
  }

  public static byte[] endpoints(SimModel m) {
    List<Object> eps = new ArrayList<>();
    String modelName =
        m.name().contains(": ") ? m.name().substring(m.name().indexOf(": ") + 2) : m.name();
    for (SimEndpoint e : m.endpoints()) {
      Map<String, Object> pricing = new LinkedHashMap<>();
      pricing.put("prompt", e.promptPrice().toPlainString());
      pricing.put("completion", e.completionPrice().toPlainString());
      Map<String, Object> ep = new LinkedHashMap<>();
      ep.put("name", e.providerName() + ": " + modelName);
      ep.put("model_id", m.id());
      ep.put("model_name", modelName);
      ep.put("provider_name", e.providerName());
      ep.put("tag", e.providerSlug());
      ep.put("context_length", e.contextLength());
      ep.put("max_completion_tokens", e.maxCompletionTokens());
      ep.put("max_prompt_tokens", null);
      ep.put("quantization", e.quantization());
      ep.put("pricing", pricing);
      ep.put("supported_parameters", e.supportedParameters());
      ep.put("status", 0);
      ep.put("supports_implicit_caching", false);
      ep.put("uptime_last_5m", 100);
      ep.put("uptime_last_30m", 100);
      ep.put("uptime_last_1d", 100);
      Map<String, Object> latency = new LinkedHashMap<>();
      Map<String, Object> throughput = new LinkedHashMap<>();
      for (int p : new int[] {50, 75, 90, 99}) {
        latency.put("p" + p, Math.round(e.latency().ttftPercentileMs(p)));
        // Output speed percentiles are lower-is-worse: p99 is the slowest 1 %.
        double speed = e.tokensPerSecond() * (1 - e.latency().jitter() * (p - 50) / 50.0);
        throughput.put("p" + p, Math.round(speed * 10) / 10.0);
      }
      ep.put("latency_last_30m", latency);
      ep.put("throughput_last_30m", throughput);
      eps.add(ep);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", m.id());
    data.put("name", m.name());
    data.put("created", m.created());
    data.put("description", m.description());
    data.put("architecture", architecture(m));
    data.put("endpoints", eps);
    return bytes(Map.of("data", data));
  }

  // ---- helpers --------------------------------------------------------------------------------

  static Map<String, Object> nullable(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  public static byte[] bytes(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode JSON", e);
    }
  }

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode JSON", e);
    }
  }

  /** A JSON string literal. */
  public static String quote(String s) {
    return appendQuoted(new StringBuilder(s.length() + 2), s).toString();
  }

  /** Appends {@code s} as a JSON string literal to {@code sb}; returns {@code sb}. */
  static StringBuilder appendQuoted(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }
}
