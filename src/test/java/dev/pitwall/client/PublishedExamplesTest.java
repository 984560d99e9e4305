package dev.pitwall.client;

import static dev.pitwall.client.ScriptedServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client parses what OpenRouter publishes as its replies: the response examples of its OpenAPI
 * document (vendored with source and date under src/test/resources/openrouter), served as they are
 * by an in-test server on 127.0.0.1.
 */
class PublishedExamplesTest {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static JsonNode spec;

  @BeforeAll
  static void load() throws Exception {
    spec =
        new YAMLMapper().readTree(Path.of("src/test/resources/openrouter/openapi.yaml").toFile());
  }

  /** The document's example reply of {@code GET path} with status 200, as JSON text. */
  private static String example(String path) throws Exception {
    return example(path, "example");
  }

  /** {@code at} "example" (the reply's) or "schema/example" (its schema's, fuller for some). */
  private static String example(String path, String at) throws Exception {
    JsonNode e =
        spec.at(
            "/paths/"
                + path.replace("/", "~1")
                + "/get/responses/200/content/application~1json/"
                + at);
    assertThat(e.isMissingNode()).as("example of " + path).isFalse();
    return JSON.writeValueAsString(e);
  }

  private static OpenRouterApi api(ScriptedServer server) {
    return new OpenRouterApi(ClientConfig.of(server.baseUrl(), ApiKey.ofNullable("sk-or-v1-test")));
  }

  @Test
  void endpointsExampleGivesSlugAndDisplayName() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.then(
          respond(
              200,
              "application/json",
              example("/models/{author}/{slug}/endpoints", "schema/example")));
      try (OpenRouterApi api = api(server)) {
        List<Endpoint> endpoints = api.endpoints("openai/gpt-4");
        assertThat(endpoints).isNotEmpty();
        assertThat(endpoints.get(0).providerName()).isEqualTo("OpenAI");
        assertThat(endpoints.get(0).tag()).isEqualTo("openai");
        assertThat(endpoints.get(0).pricing().prompt()).isPositive();
      }
    }
  }

  @Test
  void keyExampleGivesAValidKeyWithItsRemainingLimit() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.then(respond(200, "application/json", example("/key")));
      try (OpenRouterApi api = api(server)) {
        KeyStatus key = api.key();
        assertThat(key.valid()).isTrue();
        assertThat(key.label()).isNotBlank();
        assertThat(key.limitRemaining()).isNotNull();
      }
    }
  }

  @Test
  void generationExampleGivesProviderTokensAndCost() throws Exception {
    try (ScriptedServer server = new ScriptedServer()) {
      server.then(respond(200, "application/json", example("/generation")));
      try (OpenRouterApi api = api(server)) {
        GenerationInfo gen = api.generation("gen-1234567890", 1).orElseThrow();
        assertThat(gen.providerName()).isNotBlank();
        assertThat(gen.tokensCompletion()).isNotNull();
        assertThat(gen.totalCost()).isNotNull();
      }
    }
  }

  @Test
  void modelsExampleParses() throws Exception {
    ModelCatalog catalog = ModelCatalog.parse(example("/models").getBytes());
    assertThat(catalog.size()).isPositive();
    assertThat(catalog.models().iterator().next().created()).isPositive();
  }
}
