package dev.pitwall.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a {@code POST /chat/completions} body the simulator acts on. {@link #parse} rejects
 * what OpenRouter rejects with 400, with a message that says which field is wrong.
 *
 * @param model the requested id with any suffix (":nitro"), or null for the account default
 * @param promptTokens estimated from the messages (about 4 characters a token, 4 per message)
 * @param promptHash a hash of the message text, so one prompt always gets one answer
 * @param jsonMode {@code response_format} asks for a JSON object (json_object or json_schema)
 */
public record ChatRequest(
    String model,
    List<String> models,
    int promptTokens,
    long promptHash,
    Integer maxTokens,
    boolean stream,
    List<String> stop,
    ProviderPrefs provider,
    boolean jsonMode) {

  private static final int TOKENS_PER_IMAGE = 85;

  public ChatRequest {
    models = models == null ? List.of() : List.copyOf(models);
    stop = stop == null ? List.of() : List.copyOf(stop);
    provider = provider == null ? ProviderPrefs.DEFAULT : provider;
  }

  /** A 400 with OpenRouter's envelope. */
  public static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
      super(message, null, false, false);
    }
  }

  public static ChatRequest parse(ObjectMapper json, byte[] body) throws BadRequest {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      throw new BadRequest("Invalid JSON in request body: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new BadRequest("Request body must be a JSON object");
    }
    JsonNode messages = root.get("messages");
    if (messages == null || messages.isNull()) {
      throw new BadRequest("Input required: specify \"messages\"");
    }
    if (!messages.isArray() || messages.isEmpty()) {
      throw new BadRequest("\"messages\" must be a non-empty array");
    }
    int promptTokens = 0;
    long hash = 17;
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      if (!m.isObject() || !m.path("role").isTextual()) {
        throw new BadRequest("messages[" + i + "] must be an object with a string \"role\"");
      }
      promptTokens += 4;
      JsonNode content = m.get("content");
      if (content == null || content.isNull()) {
        continue;
      }
      if (content.isTextual()) {
        promptTokens += tokensOf(content.asText());
        hash = hash * 31 + content.asText().hashCode();
      } else if (content.isArray()) {
        for (JsonNode part : content) {
          String type = part.path("type").asText("");
          if (type.equals("text")) {
            promptTokens += tokensOf(part.path("text").asText(""));
            hash = hash * 31 + part.path("text").asText("").hashCode();
          } else {
            promptTokens += TOKENS_PER_IMAGE;
          }
        }
      } else {
        throw new BadRequest("messages[" + i + "].content must be a string or an array of parts");
      }
    }
    String model = optionalText(root, "model");
    List<String> models = stringList(root, "models");
    Integer maxTokens = null;
    for (String key : List.of("max_completion_tokens", "max_tokens")) {
      JsonNode n = root.get(key);
      if (n != null && !n.isNull()) {
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
          throw new BadRequest("\"" + key + "\" must be an integer >= 1");
        }
        maxTokens = n.asInt();
        break;
      }
    }
    JsonNode streamNode = root.get("stream");
    boolean stream = false;
    if (streamNode != null && !streamNode.isNull()) {
      if (!streamNode.isBoolean()) {
        throw new BadRequest("\"stream\" must be a boolean");
      }
      stream = streamNode.asBoolean();
    }
    List<String> stop;
    JsonNode stopNode = root.get("stop");
    if (stopNode != null && stopNode.isTextual()) {
      stop = List.of(stopNode.asText());
    } else {
      stop = stringList(root, "stop");
    }
    String format = root.path("response_format").path("type").asText("text");
    if (!List.of("text", "json_object", "json_schema").contains(format)) {
      throw new BadRequest(
          "\"response_format.type\" must be \"text\", \"json_object\" or \"json_schema\", not \""
              + format
              + "\"");
    }
    return new ChatRequest(
        model,
        models,
        promptTokens,
        hash,
        maxTokens,
        stream,
        stop,
        provider(root.get("provider")),
        !format.equals("text"));
  }

  private static ProviderPrefs provider(JsonNode p) throws BadRequest {
    if (p == null || p.isNull()) {
      return ProviderPrefs.DEFAULT;
    }
    if (!p.isObject()) {
      throw new BadRequest("\"provider\" must be an object");
    }
    boolean allowFallbacks = true;
    JsonNode af = p.get("allow_fallbacks");
    if (af != null && !af.isNull()) {
      if (!af.isBoolean()) {
        throw new BadRequest("\"provider.allow_fallbacks\" must be a boolean");
      }
      allowFallbacks = af.asBoolean();
    }
    String sort = null;
    JsonNode s = p.get("sort");
    if (s != null && !s.isNull()) {
      sort = s.isObject() ? s.path("by").asText(null) : s.asText(null);
      if (sort != null && !List.of("price", "throughput", "latency").contains(sort)) {
        throw new BadRequest(
            "\"provider.sort\" must be \"price\", \"throughput\" or \"latency\", not \""
                + sort
                + "\"");
      }
    }
    return new ProviderPrefs(
        stringList(p, "order"),
        allowFallbacks,
        stringList(p, "only"),
        stringList(p, "ignore"),
        sort);
  }

  private static String optionalText(JsonNode root, String key) throws BadRequest {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new BadRequest("\"" + key + "\" must be a string");
    }
    return n.asText();
  }

  private static List<String> stringList(JsonNode root, String key) throws BadRequest {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw new BadRequest("\"" + key + "\" must be an array of strings");
    }
    List<String> out = new ArrayList<>(n.size());
    for (JsonNode item : n) {
      if (!item.isTextual()) {
        throw new BadRequest("\"" + key + "\" must be an array of strings");
      }
      out.add(item.asText());
    }
    return out;
  }

  static int tokensOf(String text) {
    return (text.length() + 3) / 4;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
