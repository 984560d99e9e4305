package dev.pitwall.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.client.ChatCall;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatRequestEncoderTest {
  static JsonNode encode(ChatCall c, JsonMode mode) throws Exception {
    return new ObjectMapper().readTree(ChatRequestEncoder.encode(c, mode));
  }

  static ChatCall call(RequestParams p, Route r, String nonce, Message... ms) {
    return new ChatCall("a/b", List.of(ms), p, r, null, nonce);
  }

  @Test
  void routeBecomesTheProviderObjectInSnakeCase() throws Exception {
    Route r =
        new Route(List.of("groq", "together"), true, List.of("groq", "together"), List.of("x"));
    JsonNode b =
        encode(
            call(RequestParams.DEFAULTS, r, null, new Message("user", "hi")),
            JsonMode.RESPONSE_FORMAT);
    assertThat(b.get("provider").toString())
        .isEqualTo(
            "{\"order\":[\"groq\",\"together\"],\"allow_fallbacks\":true,"
                + "\"only\":[\"groq\",\"together\"],\"ignore\":[\"x\"]}");
    assertThat(ChatRequestEncoder.snake("requireParameters")).isEqualTo("require_parameters");
  }

  @Test
  void everyRoutingConstraintOfTheSuiteIsSent() throws Exception {
    Route r = new Route(null, null, null, null, true, "deny", "price");
    JsonNode b =
        encode(
            call(RequestParams.DEFAULTS, r, null, new Message("user", "hi")),
            JsonMode.RESPONSE_FORMAT);
    assertThat(b.get("provider").toString())
        .isEqualTo("{\"require_parameters\":true,\"data_collection\":\"deny\",\"sort\":\"price\"}");
  }

  @Test
  void freeRoutingSendsNoProviderObject() throws Exception {
    JsonNode b =
        encode(
            call(RequestParams.DEFAULTS, Route.FREE, null, new Message("user", "hi")),
            JsonMode.RESPONSE_FORMAT);
    assertThat(b.has("provider")).isFalse();
    assertThat(b.get("stream").asBoolean()).isTrue();
  }

  @Test
  void extraFieldsPassThroughAndProviderKeysMerge() throws Exception {
    RequestParams p =
        new RequestParams(
            null,
            null,
            0.9,
            null,
            List.of("\n\n"),
            false,
            false,
            Map.of(
                "models", List.of("x/fallback"),
                "provider", Map.of("zdr", true),
                "reasoning", Map.of("effort", "low")));
    JsonNode b =
        encode(
            call(p, Route.pinned("groq"), null, new Message("user", "hi")),
            JsonMode.RESPONSE_FORMAT);
    assertThat(b.get("models").get(0).asText()).isEqualTo("x/fallback");
    assertThat(b.at("/provider/order/0").asText()).isEqualTo("groq");
    assertThat(b.at("/provider/zdr").asBoolean()).isTrue();
    assertThat(b.at("/reasoning/effort").asText()).isEqualTo("low");
    assertThat(b.get("top_p").asDouble()).isEqualTo(0.9);
    assertThat(b.get("stop").get(0).asText()).isEqualTo("\n\n");
    assertThat(b.get("stream").asBoolean()).isFalse();
    assertThat(b.has("stream_options")).isFalse();
    assertThat(b.at("/usage/include").asBoolean()).isTrue();
  }

  @Test
  void nonceGoesOnTheLastUserMessage() throws Exception {
    JsonNode b =
        encode(
            call(
                RequestParams.DEFAULTS,
                null,
                "abc",
                new Message("system", "s"),
                new Message("user", "first"),
                new Message("assistant", "a"),
                new Message("user", "second")),
            JsonMode.RESPONSE_FORMAT);
    assertThat(b.at("/messages/1/content").asText()).isEqualTo("first");
    assertThat(b.at("/messages/3/content").asText()).isEqualTo("second [nonce:abc]");
  }

  @Test
  void jsonModeEitherWay() throws Exception {
    RequestParams json = new RequestParams(10, null, null, null, null, true, true, null);
    JsonNode rf =
        encode(call(json, null, null, new Message("user", "q")), JsonMode.RESPONSE_FORMAT);
    assertThat(rf.at("/response_format/type").asText()).isEqualTo("json_object");
    assertThat(rf.get("messages")).hasSize(1);
    JsonNode si =
        encode(call(json, null, null, new Message("user", "q")), JsonMode.SYSTEM_INSTRUCTION);
    assertThat(si.has("response_format")).isFalse();
    assertThat(si.at("/messages/0/content").asText())
        .isEqualTo(ChatRequestEncoder.JSON_INSTRUCTION);
    assertThat(JsonModePolicy.decide("openai/gpt-4o", null)).isEqualTo(JsonMode.RESPONSE_FORMAT);
    assertThat(JsonModePolicy.decide("google/gemini", null)).isEqualTo(JsonMode.SYSTEM_INSTRUCTION);
    assertThat(JsonModePolicy.decide("google/gemini", java.util.Set.of("response_format")))
        .isEqualTo(JsonMode.RESPONSE_FORMAT);
  }

  @Test
  void jsonCheck() {
    assertThat(JsonModePolicy.checkJsonObject("{\"a\": [1, 2]}")).isNull();
    assertThat(JsonModePolicy.checkJsonObject("```json\n{\"a\": 1}\n```")).isNull();
    assertThat(JsonModePolicy.checkJsonObject("[1]")).contains("not a JSON object");
    assertThat(JsonModePolicy.checkJsonObject("{\"a\": 1} {\"b\": 2}")).contains("text after");
    assertThat(JsonModePolicy.checkJsonObject("{\"a\": 1} and more")).contains("not valid JSON");
    assertThat(JsonModePolicy.checkJsonObject("{\"a\": ")).contains("not valid JSON");
    assertThat(JsonModePolicy.checkJsonObject("  ")).contains("empty");
  }
}
