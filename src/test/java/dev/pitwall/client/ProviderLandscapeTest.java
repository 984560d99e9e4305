package dev.pitwall.client;

import static dev.pitwall.client.ScriptedServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.cli.EndpointsCommand;
import dev.pitwall.cli.ModelsCommand;
import dev.pitwall.cli.ProvidersCommand;
import dev.pitwall.time.Sleeper;
import dev.pitwall.time.Ticker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The catalog, the API look-ups and the three landscape commands against a scripted server. */
class ProviderLandscapeTest {
  static final String MODELS =
      """
      {"data":[
       {"id":"openai/gpt-4o","name":"OpenAI: GPT-4o","context_length":128000,
        "pricing":{"prompt":"0.0000025","completion":"0.00001","request":"0"},
        "supported_parameters":["max_tokens","response_format","seed"]},
       {"id":"openai/gpt-4o-mini","name":"OpenAI: GPT-4o-mini","context_length":128000,
        "pricing":{"prompt":"0.00000015","completion":"0.0000006"},
        "supported_parameters":["max_tokens"]},
       {"id":"meta-llama/llama-3.1-70b-instruct","name":"Meta: Llama 3.1 70B, Instruct","context_length":null,
        "pricing":{"prompt":0.0000004,"completion":"0.0000004"},"supported_parameters":[]},
       {"id":"anthropic/claude-3.5-sonnet","context_length":200000,
        "pricing":{"prompt":"0.000003","completion":"0.000015"}}
      ],"total_count":4,"links":{"next":null}}
      """;

  static final String ENDPOINTS =
      """
      {"data":{"id":"openai/gpt-4o","endpoints":[
       {"provider_name":"Azure","tag":"azure","context_length":128000,"quantization":null,
        "pricing":{"prompt":"0.0000025","completion":"0.00001"},"uptime_last_30m":99.5,
        "latency_last_30m":null,"throughput_last_30m":null},
       {"provider_name":"OpenAI","tag":"openai","context_length":128000,"quantization":"unknown",
        "pricing":{"prompt":"0.000002","completion":"0.000008"},"uptime_last_30m":100,
        "latency_last_30m":{"p50":410,"p99":1500},"throughput_last_30m":{"p50":62.1}}
      ]}}
      """;

  ScriptedServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void catalogParsesExactPricesAndEstimatesCost() throws Exception {
    ModelCatalog c = ModelCatalog.parse(MODELS.getBytes(StandardCharsets.UTF_8));
    assertThat(c.size()).isEqualTo(4);
    assertThat(c.model("openai/gpt-4o").orElseThrow().pricing().prompt())
        .isEqualTo(new BigDecimal("0.0000025"));
    assertThat(c.estimateCost("openai/gpt-4o", 1000, 500))
        .contains(new BigDecimal("0.0075000")); // 1000 × 2.5e-6 + 500 × 1e-5 + 0
    assertThat(c.estimateCost("meta-llama/llama-3.1-70b-instruct", 10, 10))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.000008"));
    assertThat(c.estimateCost("nobody/nothing", 1, 1)).isEmpty();
    assertThat(c.supportedParameters("openai/gpt-4o")).contains("response_format");
    assertThat(c.supportedParameters("nobody/nothing")).isNull();
  }

  @Test
  void jsonModeFollowsTheCatalog() throws Exception {
    ModelCatalog c = ModelCatalog.parse(MODELS.getBytes(StandardCharsets.UTF_8));
    server.always(
        ScriptedServer.sse(
            ScriptedServer.steps(
                ScriptedServer.now(Chunks.content("{}")), ScriptedServer.now(Chunks.done()))));
    try (LlmClient client =
        LlmClients.http(ClientConfig.of(server.baseUrl(), null), Ticker.system(), c)) {
      var json = new dev.pitwall.suite.RequestParams(9, null, null, null, null, true, true, null);
      var msgs = List.of(new dev.pitwall.suite.Message("user", "q"));
      client.complete(new ChatCall("openai/gpt-4o-mini", msgs, json, null, null, null));
      client.complete(
          new ChatCall("meta-llama/llama-3.1-70b-instruct", msgs, json, null, null, null));
    }
    // gpt-4o-mini is openai/ but its catalog entry lacks response_format: the catalog wins
    assertThat(server.requests.get(0).body()).doesNotContain("response_format");
    assertThat(server.requests.get(1).body()).doesNotContain("response_format");
  }

  @Test
  void providersSortedByModelCount() throws Exception {
    ModelCatalog c = ModelCatalog.parse(MODELS.getBytes(StandardCharsets.UTF_8));
    assertThat(ProviderLandscape.providers(c).rows())
        .containsExactly(
            List.of("openai", "2"), List.of("anthropic", "1"), List.of("meta-llama", "1"));
  }

  @Test
  void providersCommandPrintsATableAndCsv() {
    server.always(respond(200, "application/json", MODELS));
    assertThat(run(new ProvidersCommand()))
        .isEqualTo(
            "provider    models\nopenai           2\nanthropic        1\nmeta-llama       1\n");
    assertThat(run(new ProvidersCommand(), "--csv"))
        .isEqualTo("provider,models\r\nopenai,2\r\nanthropic,1\r\nmeta-llama,1\r\n");
    assertThat(server.requests.get(0).path()).isEqualTo("/api/v1/models");
  }

  @Test
  void modelsCommandFiltersByProvider() {
    server.always(respond(200, "application/json", MODELS));
    String csv = run(new ModelsCommand(), "--provider", "openai", "--csv");
    assertThat(csv)
        .isEqualTo(
            "model,context,prompt_usd_per_mtok,completion_usd_per_mtok\r\n"
                + "openai/gpt-4o,128000,2.5,10\r\n"
                + "openai/gpt-4o-mini,128000,0.15,0.6\r\n");
  }

  @Test
  void endpointsCommandListsUpstreamProviders() {
    server.always(respond(200, "application/json", ENDPOINTS));
    String csv = run(new EndpointsCommand(), "openai/gpt-4o", "--csv");
    assertThat(server.requests.get(0).path()).isEqualTo("/api/v1/models/openai/gpt-4o/endpoints");
    assertThat(csv.split("\r\n"))
        .containsExactly(
            "provider,tag,quantization,context,prompt_usd_per_mtok,completion_usd_per_mtok,"
                + "uptime_30m_pct,ttft_p50,tokens_per_s_p50",
            "OpenAI,openai,unknown,128000,2,8,100.0,410.0,62.1",
            "Azure,azure,,128000,2.5,10,99.5,,");
  }

  @Test
  void unreachableTargetExitsWith3() throws Exception {
    java.net.ServerSocket s = new java.net.ServerSocket(0);
    int port = s.getLocalPort();
    s.close();
    ProvidersCommand cmd = new ProvidersCommand();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(cmd).setErr(new PrintWriter(err));
    int code = cl.execute("--base-url", "http://127.0.0.1:" + port + "/api/v1");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).contains("cannot reach").contains("check the base URL");
  }

  @Test
  void keyCheck() {
    server.then(
        respond(
            401, "application/json", "{\"error\":{\"code\":401,\"message\":\"User not found.\"}}"));
    server.then(
        respond(
            200,
            "application/json",
            "{\"data\":{\"label\":\"sk-or-v1-abc...890\",\"limit_remaining\":4.5,\"is_free_tier\":false}}"));
    try (OpenRouterApi api = api()) {
      KeyStatus bad = api.key();
      assertThat(bad.valid()).isFalse();
      assertThat(bad.httpStatus()).isEqualTo(401);
      assertThat(bad.message()).contains("User not found").contains("OPENROUTER_API_KEY");
      KeyStatus good = api.key();
      assertThat(good.valid()).isTrue();
      assertThat(good.label()).isEqualTo("sk-or-v1-abc...890");
      assertThat(good.limitRemaining()).isEqualByComparingTo("4.5");
    }
    assertThat(server.requests.get(0).headers()).containsEntry("authorization", "Bearer sk-test");
  }

  @Test
  void generationLookUpRetriesA404() throws Exception {
    server.then(respond(404, "application/json", "{\"error\":{\"code\":404,\"message\":\"no\"}}"));
    server.then(
        respond(
            200,
            "application/json",
            "{\"data\":{\"id\":\"gen-1\",\"model\":\"m/x\",\"provider_name\":\"Groq\",\"latency\":812,"
                + "\"generation_time\":640,\"tokens_prompt\":10,\"tokens_completion\":20,"
                + "\"total_cost\":0.0012,\"is_byok\":false,\"finish_reason\":\"stop\",\"cancelled\":false}}"));
    List<Long> sleeps = new ArrayList<>();
    Sleeper recording = sleeps::add;
    try (OpenRouterApi api =
        new OpenRouterApi(
            ClientConfig.of(server.baseUrl(), null),
            new dev.pitwall.client.internal.SocketTransport(
                ClientConfig.of(server.baseUrl(), null), Ticker.system()),
            Ticker.system(),
            recording)) {
      GenerationInfo g = api.generation("gen-1", 3).orElseThrow();
      assertThat(g.providerName()).isEqualTo("Groq");
      assertThat(g.latencyMs()).isEqualTo(812.0);
      assertThat(g.generationTimeMs()).isEqualTo(640.0);
      assertThat(g.totalCost()).isEqualByComparingTo("0.0012");
    }
    assertThat(sleeps).containsExactly(500_000_000L);
    assertThat(server.requests.get(1).path()).isEqualTo("/api/v1/generation?id=gen-1");
  }

  private OpenRouterApi api() {
    return new OpenRouterApi(ClientConfig.of(server.baseUrl(), ApiKey.ofNullable("sk-test")));
  }

  private String run(Object command, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(command).setOut(new PrintWriter(out));
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--base-url");
    all.add(server.baseUrl().toString());
    assertThat(cl.execute(all.toArray(String[]::new))).isZero();
    return out.toString();
  }
}
