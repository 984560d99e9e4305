package dev.pitwall.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The unmodified official openai-java client against the simulator: completions parse, usage is
 * read, and errors surface as the client's own exception types (retries off).
 */
class OpenAiJavaClientIT {
  private static final LatencyModel FAST = new LatencyModel(20, 0.1, 2000, 0.1, 3, 40, 0.1);
  private static final String KEY = "sk-or-v1-test-not-a-real-key";

  private static <T> T withSim(SimulatorOptions options, Function<OpenAIClient, T> body) {
    try (Simulator sim = Simulator.start(options)) {
      OpenAIClient client =
          OpenAIOkHttpClient.builder()
              .baseUrl(sim.baseUrl().toString())
              .apiKey(KEY)
              .maxRetries(0)
              .build();
      try {
        return body.apply(client);
      } finally {
        client.close();
      }
    }
  }

  private static SimulatorOptions fast(List<FaultRule> faults) {
    return SimulatorOptions.defaults()
        .withProfile(SimProfile.bundled().withLatency(FAST).withFaults(faults));
  }

  private static ChatCompletionCreateParams params(String model) {
    return ChatCompletionCreateParams.builder()
        .model(model)
        .addUserMessage("Explain the CAP theorem in distributed systems")
        .maxCompletionTokens(500)
        .build();
  }

  @Test
  void nonStreamingCompletionParses() {
    ChatCompletion c =
        withSim(
            fast(List.of()), client -> client.chat().completions().create(params("openai/gpt-4o")));
    assertThat(c.id()).startsWith("gen-");
    assertThat(c.model()).isEqualTo("openai/gpt-4o");
    assertThat(c.choices()).hasSize(1);
    assertThat(c.choices().get(0).message().content()).isPresent();
    assertThat(c.choices().get(0).finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    assertThat(c.usage()).isPresent();
    assertThat(c.usage().get().completionTokens()).isPositive();
    assertThat(c._additionalProperties()).containsKey("provider");
  }

  @Test
  void streamingCompletionAccumulates() {
    ChatCompletion c =
        withSim(
            fast(List.of()),
            client -> {
              ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();
              try (StreamResponse<ChatCompletionChunk> stream =
                  client.chat().completions().createStreaming(params("google/gemini-2.5-flash"))) {
                stream.stream().forEach(acc::accumulate);
              }
              return acc.chatCompletion();
            });
    assertThat(c.choices().get(0).message().content().orElse("")).isNotBlank();
    assertThat(c.usage()).isPresent();
    assertThat(c.usage().get().totalTokens())
        .isEqualTo(c.usage().get().promptTokens() + c.usage().get().completionTokens());
  }

  @Test
  void rateLimitIsRateLimitException() {
    var fault =
        FaultRule.always(FaultKind.ERROR).forProvider("openai").withStatus(429).withRetryAfterS(3);
    var prefs =
        List.of(fault, FaultRule.always(FaultKind.ERROR).forProvider("azure").withStatus(429));
    assertThatThrownBy(
            () ->
                withSim(
                    fast(prefs),
                    client -> client.chat().completions().create(params("openai/gpt-4o"))))
        .isInstanceOf(RateLimitException.class)
        .satisfies(
            e -> assertThat(((RateLimitException) e).headers().values("Retry-After")).isNotEmpty());
  }

  @Test
  void perKeyRequestLimitIsRateLimitException() {
    SimulatorOptions limited =
        SimulatorOptions.defaults()
            .withProfile(
                SimProfile.bundled().withLatency(FAST).withRateLimits(new RateLimits(1, null)));
    assertThatThrownBy(
            () ->
                withSim(
                    limited,
                    client -> {
                      client.chat().completions().create(params("openai/gpt-4o"));
                      return client.chat().completions().create(params("openai/gpt-4o"));
                    }))
        .isInstanceOf(RateLimitException.class);
  }

  @Test
  void serverErrorsAreInternalServerException() {
    assertThatThrownBy(
            () ->
                withSim(
                    fast(List.of(FaultRule.always(FaultKind.ERROR).withStatus(502))),
                    client -> client.chat().completions().create(params("openai/gpt-4o"))))
        .isInstanceOf(InternalServerException.class);
    assertThatThrownBy(
            () ->
                withSim(
                    fast(List.of(FaultRule.always(FaultKind.OUTAGE).forModel("openai/gpt-4o"))),
                    client -> client.chat().completions().create(params("openai/gpt-4o"))))
        .isInstanceOf(InternalServerException.class)
        .satisfies(e -> assertThat(((InternalServerException) e).statusCode()).isEqualTo(503));
  }

  @Test
  void unknownModelIsBadRequest() {
    assertThatThrownBy(
            () ->
                withSim(
                    fast(List.of()),
                    client -> client.chat().completions().create(params("acme/nothing"))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("is not a valid model ID");
  }

  @Test
  void noEligibleProviderIsNotFound() {
    ChatCompletionCreateParams p =
        params("openai/gpt-4o").toBuilder()
            .putAdditionalBodyProperty(
                "provider",
                com.openai.core.JsonValue.from(java.util.Map.of("only", List.of("novita"))))
            .build();
    assertThatThrownBy(
            () -> withSim(fast(List.of()), client -> client.chat().completions().create(p)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void missingKeyIsUnauthorizedWhenRequired() {
    try (Simulator sim = Simulator.start(fast(List.of()).withRequireKey(true))) {
      OpenAIClient client =
          OpenAIOkHttpClient.builder()
              .baseUrl(sim.baseUrl().toString())
              .apiKey("")
              .maxRetries(0)
              .build();
      assertThatThrownBy(() -> client.chat().completions().create(params("openai/gpt-4o")))
          .isInstanceOf(UnauthorizedException.class);
      client.close();
    }
  }

  @Test
  void midStreamErrorIsSseException() {
    assertThatThrownBy(
            () ->
                withSim(
                    fast(List.of(FaultRule.always(FaultKind.MID_STREAM_ERROR).withAfterTokens(6))),
                    client -> {
                      try (StreamResponse<ChatCompletionChunk> stream =
                          client.chat().completions().createStreaming(params("openai/gpt-4o"))) {
                        return stream.stream().count();
                      }
                    }))
        .isInstanceOf(SseException.class);
  }
}
