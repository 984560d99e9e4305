package dev.pitwall.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's replies against OpenRouter's own OpenAPI document (vendored under
 * src/test/resources/openrouter with its source and date), so that the simulator follows what
 * OpenRouter publishes rather than what pitwall assumes. (The client side: PublishedExamplesTest.)
 */
class OpenApiContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode spec;
  private static Simulator sim;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    spec =
        new YAMLMapper().readTree(Path.of("src/test/resources/openrouter/openapi.yaml").toFile());
    sim = SimulatorTest.startFast();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  /** Errors of {@code value} against the schema at {@code pointer} in the document. */
  private static List<Error> check(String pointer, JsonNode value) {
    ObjectNode root = spec.deepCopy();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#" + pointer);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(root)
        .validate(value);
  }

  private static String response(String path, String method, int status) {
    return "/paths/"
        + path.replace("~", "~0").replace("/", "~1")
        + "/"
        + method
        + "/responses/"
        + status
        + "/content/application~1json/schema";
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).GET());
  }

  private static HttpResponse<String> chat(String body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void modelsMatchTheModelsListResponse() throws Exception {
    JsonNode body = JSON.readTree(get("/models").body());
    assertThat(check("/components/schemas/ModelsListResponse", body)).isEmpty();
  }

  @Test
  void endpointsMatchTheListEndpointsResponse() throws Exception {
    JsonNode body = JSON.readTree(get("/models/anthropic/claude-sonnet-5/endpoints").body());
    assertThat(check(response("/models/{author}/{slug}/endpoints", "get", 200), body)).isEmpty();
    assertThat(body.at("/data/endpoints/2/provider_name").asText()).isEqualTo("Google");
    assertThat(body.at("/data/endpoints/2/tag").asText()).isEqualTo("google-vertex");
  }

  @Test
  void everyStreamChunkMatchesChatStreamChunkAndTheGenerationMatchesToo() throws Exception {
    HttpResponse<String> res =
        chat(
            "{\"model\":\"openai/gpt-4o\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(res.statusCode()).isEqualTo(200);
    List<JsonNode> chunks = new ArrayList<>();
    for (String line : res.body().split("\n")) {
      if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
        chunks.add(JSON.readTree(line.substring(6)));
      }
    }
    assertThat(chunks).hasSizeGreaterThan(2);
    for (JsonNode chunk : chunks) {
      assertThat(check("/components/schemas/ChatStreamChunk", chunk))
          .as(chunk.toString())
          .isEmpty();
    }
    String id = chunks.get(0).get("id").asText();
    JsonNode gen = JSON.readTree(get("/generation?id=" + id).body());
    assertThat(check("/components/schemas/GenerationResponse", gen)).isEmpty();
  }

  @Test
  void aNonStreamingReplyMatchesChatResult() throws Exception {
    JsonNode body =
        JSON.readTree(
            chat("{\"model\":\"openai/gpt-4o\","
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .body());
    assertThat(check("/components/schemas/ChatResult", body)).isEmpty();
  }

  @Test
  void errorsMatchTheirResponseSchemas() throws Exception {
    assertErrorMatches("\"model\":\"anthropic/claude-3.5-sonnet\"", 400, "BadRequestResponse");
    assertErrorMatches(
        "\"model\":\"openai/gpt-4o\",\"provider\":{\"only\":[\"deepinfra\"]}",
        404,
        "NotFoundResponse");
  }

  private static void assertErrorMatches(String fields, int status, String schema)
      throws Exception {
    HttpResponse<String> res =
        chat("{" + fields + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    assertThat(res.statusCode()).isEqualTo(status);
    assertThat(check("/components/schemas/" + schema, JSON.readTree(res.body()))).isEmpty();
  }

  @Test
  void keyMatchesTheKeyResponse() throws Exception {
    JsonNode body = JSON.readTree(get("/key").body());
    assertThat(check(response("/key", "get", 200), body)).isEmpty();
  }
}
