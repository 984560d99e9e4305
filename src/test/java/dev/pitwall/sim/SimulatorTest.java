package dev.pitwall.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server end to end over loopback with the JDK client: shapes, statuses, envelopes. */
class SimulatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Simulator sim;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    sim = startFast();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  /** The bundled profile with a 5 ms, 5000 tokens/s latency everywhere: quick replies. */
  static Simulator startFast() {
    LatencyModel fast = new LatencyModel(5, 0, 5000, 0, 2, 12, 0);
    return Simulator.start(
        SimulatorOptions.defaults().withProfile(SimProfile.bundled().withLatency(fast)));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> res) throws IOException {
    assertThat(res.headers().firstValue("content-type")).hasValue("application/json");
    return JSON.readTree(res.body());
  }

  @Test
  void baseUrlIsLoopbackApiV1() {
    assertThat(sim.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+/api/v1");
  }

  @Test
  void nonStreamingCompletionHasOpenRouterShape() throws Exception {
    var res =
        post(
            "/chat/completions",
            "{\"model\":\"openai/gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode body = json(res);
    assertThat(res.headers().firstValue("X-Generation-Id")).hasValue(body.get("id").asText());
    assertThat(body.get("object").asText()).isEqualTo("chat.completion");
    assertThat(body.get("model").asText()).isEqualTo("openai/gpt-4o");
    assertThat(body.get("provider").asText()).isIn("OpenAI", "Azure");
    assertThat(body.has("system_fingerprint")).isTrue();
    JsonNode choice = body.get("choices").get(0);
    assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
    assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
    JsonNode usage = body.get("usage");
    assertThat(usage.get("completion_tokens").asInt()).isEqualTo(12);
    assertThat(usage.get("total_tokens").asInt())
        .isEqualTo(usage.get("prompt_tokens").asInt() + 12);
    assertThat(usage.get("cost").isNumber()).isTrue();
    assertThat(usage.get("cost_details").get("upstream_inference_prompt_cost").isNumber()).isTrue();
  }

  @Test
  void maxTokensCutsWithFinishReasonLength() throws Exception {
    var res =
        post(
            "/chat/completions",
            "{\"model\":\"openai/gpt-4o\",\"max_tokens\":5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    JsonNode body = json(res);
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(5);
  }

  @Test
  void streamingEndsWithFinishUsageAndDone() throws Exception {
    var res =
        post(
            "/chat/completions",
            "{\"model\":\"google/gemini-2.5-flash\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("content-type")).hasValue("text/event-stream");
    List<String> events = List.of(res.body().split("\n\n"));
    assertThat(events.get(0)).isEqualTo(": OPENROUTER PROCESSING");
    assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
    JsonNode usageChunk = JSON.readTree(events.get(events.size() - 2).substring(6));
    assertThat(usageChunk.get("choices")).isEmpty();
    assertThat(usageChunk.at("/usage/completion_tokens").asInt()).isEqualTo(12);
    JsonNode finish = JSON.readTree(events.get(events.size() - 3).substring(6));
    assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    StringBuilder text = new StringBuilder();
    for (String e : events.subList(1, events.size() - 3)) {
      JsonNode chunk = JSON.readTree(e.substring(6));
      assertThat(chunk.get("object").asText()).isEqualTo("chat.completion.chunk");
      assertThat(chunk.get("id").asText()).isEqualTo(usageChunk.get("id").asText());
      assertThat(chunk.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
      assertThat(chunk.has("error")).isFalse();
      text.append(chunk.at("/choices/0/delta/content").asText());
    }
    assertThat(text.toString()).isNotBlank();
    assertThat(events.size() - 4).isEqualTo(6); // 12 tokens, 2 per chunk
  }

  @Test
  void modelsListsEveryModelWithStringPrices() throws Exception {
    JsonNode body = json(get("/models"));
    assertThat(body.get("total_count").asInt()).isEqualTo(sim.profile().models().size());
    JsonNode first = body.get("data").get(0);
    assertThat(first.at("/pricing/prompt").isTextual()).isTrue();
    assertThat(first.has("per_request_limits")).isTrue();
    assertThat(first.at("/links/details").asText()).endsWith("/endpoints");
  }

  @Test
  void oneModel() throws Exception {
    assertThat(json(get("/model/openai/gpt-4o")).at("/data/id").asText())
        .isEqualTo("openai/gpt-4o");
    assertThat(json(get("/models/openai/gpt-4o")).at("/data/pricing/completion").asText())
        .isEqualTo("0.00001");
    assertThat(get("/models/acme/none").statusCode()).isEqualTo(404);
  }

  @Test
  void endpointsOfAModel() throws Exception {
    JsonNode body = json(get("/models/meta-llama/llama-3.1-70b-instruct/endpoints"));
    assertThat(body.at("/data/endpoints")).hasSize(4);
    assertThat(body.at("/data/endpoints/0/tag").asText()).isEqualTo("deepinfra");
    assertThat(body.at("/data/endpoints/0/latency_last_30m/p50").asLong()).isEqualTo(5);
  }

  @Test
  void errorsUseTheEnvelope() throws Exception {
    assertError(get("/nope"), 404);
    assertError(get("/chat/completions"), 405);
    assertError(post("/chat/completions", "{not json"), 400);
    assertError(post("/chat/completions", "{\"model\":\"openai/gpt-4o\"}"), 400);
    var unknown =
        post(
            "/chat/completions",
            "{\"model\":\"acme/nothing\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    assertError(unknown, 400);
    assertThat(json(unknown).at("/error/message").asText())
        .isEqualTo("acme/nothing is not a valid model ID");
    assertError(get("/generation?id=gen-nope"), 404);
  }

  private static void assertError(HttpResponse<String> res, int status) throws IOException {
    assertThat(res.statusCode()).isEqualTo(status);
    JsonNode body = json(res);
    assertThat(body.at("/error/code").asInt()).isEqualTo(status);
    assertThat(body.at("/error/message").asText()).isNotBlank();
    assertThat(body.at("/error/metadata").isObject()).isTrue();
  }

  @Test
  void generationRecordIsKeptPerId() throws Exception {
    var res =
        post(
            "/chat/completions",
            "{\"model\":\"mistralai/mistral-large\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    String id = json(res).get("id").asText();
    JsonNode gen = json(get("/generation?id=" + id)).get("data");
    assertThat(gen.get("id").asText()).isEqualTo(id);
    assertThat(gen.get("provider_name").asText()).isEqualTo("Mistral");
    assertThat(gen.get("tokens_completion").asInt()).isEqualTo(12);
    assertThat(gen.get("cancelled").asBoolean()).isFalse();
    assertThat(gen.get("streamed").asBoolean()).isFalse();
  }

  @Test
  void keyLabelIsMasked() throws Exception {
    var res =
        http.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/key"))
                .header("Authorization", "Bearer sk-or-v1-0123456789abcdef")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(json(res).at("/data/label").asText()).isEqualTo("sk-or-v1-01...def");
    assertThat(res.body()).doesNotContain("0123456789abcdef");
  }
}
