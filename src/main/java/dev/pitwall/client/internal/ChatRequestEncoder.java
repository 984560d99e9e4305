package dev.pitwall.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pitwall.client.ChatCall;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Route;
import java.util.List;
import java.util.Map;

/**
 * Builds the JSON body of {@code POST /chat/completions} from a {@link ChatCall}. Null parameters
 * are left out (the provider's default applies); {@code extra} fields go last and win; usage (with
 * cost) is asked for both ways OpenRouter has accepted over time.
 */
public final class ChatRequestEncoder {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** The instruction used when a model has no JSON mode of its own. */
  public static final String JSON_INSTRUCTION =
      "Reply with one valid JSON object only: no prose, no Markdown, no code fences.";

  private ChatRequestEncoder() {}

  public static byte[] encode(ChatCall call, JsonMode jsonMode) {
    try {
      return MAPPER.writeValueAsBytes(tree(call, jsonMode));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot encode request extra fields: " + e.getMessage(), e);
    }
  }

  static ObjectNode tree(ChatCall call, JsonMode jsonMode) {
    RequestParams p = call.params();
    ObjectNode body = MAPPER.createObjectNode();
    body.put("model", call.model());
    ArrayNode messages = body.putArray("messages");
    if (p.jsonMode() && jsonMode == JsonMode.SYSTEM_INSTRUCTION) {
      messages.addObject().put("role", "system").put("content", JSON_INSTRUCTION);
    }
    List<Message> ms = call.messages();
    int nonceAt = call.nonce() == null ? -1 : lastUser(ms);
    for (int i = 0; i < ms.size(); i++) {
      Message m = ms.get(i);
      String content = i == nonceAt ? m.content() + " [nonce:" + call.nonce() + "]" : m.content();
      messages.addObject().put("role", m.role()).put("content", content);
    }
    if (p.maxTokens() != null) {
      body.put("max_tokens", p.maxTokens());
    }
    if (p.temperature() != null) {
      body.put("temperature", p.temperature());
    }
    if (p.topP() != null) {
      body.put("top_p", p.topP());
    }
    if (p.seed() != null) {
      body.put("seed", p.seed());
    }
    if (p.stop() != null) {
      ArrayNode stop = body.putArray("stop");
      p.stop().forEach(stop::add);
    }
    body.put("stream", p.stream());
    if (p.stream()) {
      body.putObject("stream_options").put("include_usage", true);
    }
    body.putObject("usage").put("include", true);
    ObjectNode provider = provider(call.route());
    if (provider != null) {
      body.set("provider", provider);
    }
    if (p.jsonMode() && jsonMode == JsonMode.RESPONSE_FORMAT) {
      body.putObject("response_format").put("type", "json_object");
    }
    for (Map.Entry<String, Object> e : p.extra().entrySet()) {
      com.fasterxml.jackson.databind.JsonNode value = MAPPER.valueToTree(e.getValue());
      if (e.getKey().equals("provider") && provider != null && value.isObject()) {
        provider.setAll(
            (ObjectNode) value); // extra provider keys (zdr, max_price...) join the route's
      } else {
        body.set(e.getKey(), value);
      }
    }
    return body;
  }

  private static int lastUser(List<Message> ms) {
    for (int i = ms.size() - 1; i >= 0; i--) {
      if ("user".equals(ms.get(i).role())) {
        return i;
      }
    }
    return ms.size() - 1;
  }

  /**
   * The {@code provider} object, one field per non-null component of {@link Route}, named in
   * snake_case ({@code allowFallbacks} → {@code allow_fallbacks}). Route mirrors OpenRouter's
   * object and grows with the suite (require_parameters, data_collection, sort...): reading its
   * components keeps the wire in step without a change here. Reflection runs before t_send.
   */
  private static ObjectNode provider(Route r) {
    if (r == null || r.isFree()) {
      return null;
    }
    ObjectNode o = MAPPER.createObjectNode();
    for (int i = 0; i < ROUTE_FIELDS.length; i++) {
      Object value;
      try {
        value = ROUTE_FIELDS[i].getAccessor().invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read Route." + ROUTE_FIELDS[i].getName(), e);
      }
      if (value != null) {
        o.set(ROUTE_NAMES[i], MAPPER.valueToTree(value));
      }
    }
    return o;
  }

  private static final java.lang.reflect.RecordComponent[] ROUTE_FIELDS =
      Route.class.getRecordComponents();
  private static final String[] ROUTE_NAMES =
      java.util.Arrays.stream(ROUTE_FIELDS).map(c -> snake(c.getName())).toArray(String[]::new);

  static String snake(String camel) {
    StringBuilder sb = new StringBuilder(camel.length() + 4);
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
