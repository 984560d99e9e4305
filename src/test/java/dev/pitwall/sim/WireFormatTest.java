package dev.pitwall.sim;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.time.Ticker;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What goes on the wire, checked from a raw socket: SSE framing byte for byte and its timing. */
class WireFormatTest {
  private static final Clock FIXED =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  /** TTFT 50 ms, 100 tokens/s, 2 tokens a chunk, 6-token answers, no randomness. */
  static SimProfile exactProfile(List<FaultRule> faults) {
    LatencyModel exact = new LatencyModel(50, 0, 100, 0, 2, 6, 0);
    SimEndpoint acme =
        new SimEndpoint(
            "Acme",
            "acme",
            new BigDecimal("0.000001"),
            new BigDecimal("0.000002"),
            "fp8",
            8192,
            1024,
            List.of("max_tokens"),
            exact);
    SimModel model =
        new SimModel("test/model", "Test: Model", 1, "d", 8192, null, null, List.of(acme));
    return new SimProfile(List.of(model), faults, null);
  }

  private static final String BODY =
      "{\"model\":\"test/model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

  /** One streamed call against {@link #exactProfile} with {@code fault}, on a server of its own. */
  private static RawHttp.Exchange streamWith(FaultRule fault) throws Exception {
    try (Simulator sim =
        Simulator.start(SimulatorOptions.defaults().withProfile(exactProfile(List.of(fault))))) {
      return RawHttp.exchange(
          sim.port(), RawHttp.post("/api/v1/chat/completions", BODY), Ticker.system());
    }
  }

  @Test
  void streamIsFramedExactlyAsOpenRouterDoes() throws Exception {
    try (Simulator sim =
        Simulator.start(
            SimulatorOptions.defaults().withProfile(exactProfile(List.of())).withClock(FIXED))) {
      var ex =
          RawHttp.exchange(
              sim.port(), RawHttp.post("/api/v1/chat/completions", BODY), Ticker.system());
      String head = ex.head();
      assertThat(head).startsWith("HTTP/1.1 200 OK\r\n");
      assertThat(head.toLowerCase())
          .contains("content-type: text/event-stream\r\n")
          .contains("transfer-encoding: chunked\r\n");
      String id = head.replaceAll("(?s).*(?i:x-generation-id): (gen-[^\r]+)\r\n.*", "$1");
      assertThat(id).matches("gen-1700000000-[A-Za-z0-9]{20}");
      String env =
          "data: {\"id\":\""
              + id
              + "\",\"provider\":\"Acme\",\"model\":\"test/model\",\"object\":\"chat.completion.chunk\","
              + "\"created\":1700000000,\"choices\":[";
      String fp = ex.body().replaceAll("(?s).*\"system_fingerprint\":\"(fp_[0-9a-f]+)\".*", "$1");
      String tail = "],\"system_fingerprint\":\"" + fp + "\"}\n\n";
      String[] parts = ex.body().split("\"content\":\"");
      String t1 = parts[1].substring(0, parts[1].indexOf('"'));
      String t2 = parts[2].substring(0, parts[2].indexOf('"'));
      String t3 = parts[3].substring(0, parts[3].indexOf('"'));
      String expected =
          ": OPENROUTER PROCESSING\n\n"
              + token(env, t1, tail)
              + token(env, t2, tail)
              + token(env, t3, tail)
              + env
              + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\"stop\","
              + "\"native_finish_reason\":\"stop\",\"logprobs\":null}"
              + tail
              + env
              + "],\"usage\":{\"prompt_tokens\":6,\"completion_tokens\":6,\"total_tokens\":12,"
              + "\"cost\":0.000018,\"is_byok\":false,"
              + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0,\"video_tokens\":0},"
              + "\"cost_details\":{\"upstream_inference_cost\":null,\"upstream_inference_prompt_cost\":0.000006,"
              + "\"upstream_inference_completions_cost\":0.000012},"
              + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"image_tokens\":0}}}\n\n"
              + "data: [DONE]\n\n";
      assertThat(ex.body()).isEqualTo(expected);
      assertThat((t1 + t2 + t3).split(" ")).hasSize(6 - countStops(t1 + t2 + t3));
    }
  }

  private static int countStops(String s) {
    return (int) s.chars().filter(c -> c == '.').count();
  }

  private static String token(String env, String text, String tail) {
    return env
        + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\""
        + text
        + "\"},\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}"
        + tail;
  }

  @Test
  void tokenEventsArriveWhenTheProfileSays() throws Exception {
    try (Simulator sim =
        Simulator.start(SimulatorOptions.defaults().withProfile(exactProfile(List.of())))) {
      // warm the JIT and the connection path once
      RawHttp.exchange(sim.port(), RawHttp.post("/api/v1/chat/completions", BODY), Ticker.system());
      var ex =
          RawHttp.exchange(
              sim.port(), RawHttp.post("/api/v1/chat/completions", BODY), Ticker.system());
      String text = ex.text();
      int first = text.indexOf("\"content\":\"", 0);
      int second = text.indexOf("\"content\":\"", first + 1);
      int third = text.indexOf("\"content\":\"", second + 1);
      long[] at = {
        ex.arrivalOf("}\n\n", first), ex.arrivalOf("}\n\n", second), ex.arrivalOf("}\n\n", third)
      };
      long[] expected = {50_000_000L, 70_000_000L, 90_000_000L};
      for (int i = 0; i < 3; i++) {
        // At most half a wake-up step early (Transport.wakeGridNanos; the client wrote before the
        // server's clock started). The upper bound is loose because this machine is shared;
        // precision is measured by scripts/bench-sim.sh.
        assertThat(at[i])
            .as("chunk %d", i)
            .isBetween(expected[i] - 1_000_000L, expected[i] + 2_000_000_000L);
      }
    }
  }

  @Test
  void resetIsATcpReset() throws Exception {
    var ex = streamWith(FaultRule.always(FaultKind.RESET).withAfterTokens(2));
    assertThat(ex.reset()).isTrue();
    assertThat(ex.text()).contains("\"content\":").doesNotContain("[DONE]");
  }

  @Test
  void htmlErrorHasAnHtmlBody() throws Exception {
    var ex = streamWith(FaultRule.always(FaultKind.HTML_ERROR));
    assertThat(ex.head()).startsWith("HTTP/1.1 502 Bad Gateway\r\n");
    assertThat(ex.head().toLowerCase()).contains("content-type: text/html");
    assertThat(ex.body()).startsWith("<html>");
  }

  @Test
  void midStreamErrorIsAFullChunkWithErrorTypeThenDone() throws Exception {
    var ex = streamWith(FaultRule.always(FaultKind.MID_STREAM_ERROR).withAfterTokens(2));
    assertThat(ex.head()).startsWith("HTTP/1.1 200 OK");
    String[] events = ex.body().split("\n\n");
    assertThat(events).hasSize(4);
    assertThat(events[2])
        .contains("\"object\":\"chat.completion.chunk\"")
        .contains("\"error\":{\"code\":502,")
        .contains("\"error_type\":\"provider_unavailable\"")
        .contains("\"finish_reason\":\"error\"");
    assertThat(events[3]).isEqualTo("data: [DONE]");
  }

  @Test
  void invalidJsonChunkIsCutShort() throws Exception {
    var ex = streamWith(FaultRule.always(FaultKind.INVALID_JSON).withAfterTokens(2));
    String[] events = ex.body().split("\n\n");
    assertThat(events[2]).startsWith("data: {").doesNotEndWith("}");
    assertThat(events[events.length - 1]).isEqualTo("data: [DONE]");
  }

  @Test
  void pipelinedRequestsAreAnsweredWholeAndInOrder() throws Exception {
    try (Simulator sim =
        Simulator.start(SimulatorOptions.defaults().withProfile(exactProfile(List.of())))) {
      String stream = RawHttp.post("/api/v1/chat/completions", BODY);
      String keepAlive = RawHttp.keptAlivePost("/api/v1/chat/completions", BODY);
      String models = RawHttp.MODELS_GET;
      // Planning the first call of a fresh JVM takes longer than this stream lasts (class loading),
      // so without a warm-up the first response would be complete before the second is read.
      RawHttp.exchange(sim.port(), stream, Ticker.system());
      // Three requests in one write: a stream, a plain GET, then a stream that closes.
      var ex = RawHttp.exchange(sim.port(), keepAlive + models + stream, Ticker.system());
      String text = ex.text();
      int first = text.indexOf("HTTP/1.1 200 OK");
      int second = text.indexOf("HTTP/1.1 200 OK", first + 1);
      int third = text.indexOf("HTTP/1.1 200 OK", second + 1);
      assertThat(new int[] {first, second, third}).doesNotContain(-1);
      String[] responses = {
        text.substring(first, second), text.substring(second, third), text.substring(third)
      };
      assertThat(responses[0])
          .contains("text/event-stream")
          .endsWith("data: [DONE]\n\n\r\n0\r\n\r\n");
      assertThat(responses[1]).contains("application/json").contains("\"data\":[");
      assertThat(responses[2])
          .contains("text/event-stream")
          .endsWith("data: [DONE]\n\n\r\n0\r\n\r\n");
      assertThat(text.split("data: \\[DONE\\]", -1)).hasSize(3);
    }
  }

  @Test
  void aConnectionThatQueuesMoreThan64RequestsBehindACallIsClosed() throws Exception {
    try (Simulator sim =
        Simulator.start(SimulatorOptions.defaults().withProfile(exactProfile(List.of())))) {
      String stream = RawHttp.keptAlivePost("/api/v1/chat/completions", BODY);
      String models = RawHttp.MODELS_GET;
      // Warm, as above, so the calls are still running when the requests behind them are read.
      RawHttp.exchange(sim.port(), RawHttp.post("/api/v1/chat/completions", BODY), Ticker.system());
      var ex = RawHttp.exchange(sim.port(), stream + models.repeat(70), Ticker.system());
      // The stream runs for about 90 ms; the 65th request behind it closes the connection first.
      assertThat(ex.text().split("HTTP/1.1 ", -1)).hasSize(2);
      assertThat(ex.text()).doesNotContain("data: [DONE]");
    }
  }

  @Test
  void slowHeadersHoldBackTheResponseHead() throws Exception {
    var ex = streamWith(FaultRule.always(FaultKind.SLOW_HEADERS).withDelayMs(300));
    assertThat(ex.head()).startsWith("HTTP/1.1 200 OK\r\n");
    // Nothing may leave before its time (half a wake-up step early at most); the first token
    // keeps its 50 ms after the head.
    assertThat(ex.arrivalOf("HTTP/1.1 200 OK", 0)).isGreaterThan(299_000_000L);
    assertThat(ex.arrivalOf("\"content\":\"", 0)).isGreaterThan(349_000_000L);
    assertThat(ex.body()).endsWith("data: [DONE]\n\n");
  }

  @Test
  void keepaliveCommentsComeWhileWaitingAndBetweenChunks() throws Exception {
    var ex = streamWith(FaultRule.always(FaultKind.KEEPALIVE).withDelayMs(20));
    List<String> events = List.of(ex.body().split("\n\n"));
    int firstToken = 0;
    while (!events.get(firstToken).contains("\"content\":")) {
      firstToken++;
    }
    // At the head, then at 20 and 40 ms of the 50 ms before the first token.
    assertThat(events.subList(0, firstToken)).containsOnly(": OPENROUTER PROCESSING").hasSize(3);
    List<String> rest = events.subList(firstToken, events.size());
    assertThat(rest).contains(": OPENROUTER PROCESSING");
    assertThat(rest.get(rest.size() - 1)).isEqualTo("data: [DONE]");
    assertThat(String.join("\n\n", rest)).doesNotContain(": OPENROUTER PROCESSING\n\n: ");
  }

  @Test
  void anOversizedBodyGetsA413EnvelopeAndTheConnectionCloses() throws Exception {
    try (Simulator sim =
        Simulator.start(SimulatorOptions.defaults().withProfile(exactProfile(List.of())))) {
      // Only the head says how large the body is; the server answers before reading any of it.
      String head =
          "POST /api/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/json\r\nContent-Length: 40000000\r\n\r\n{\"model\":";
      var ex = RawHttp.exchange(sim.port(), head, Ticker.system());
      assertThat(ex.head()).startsWith("HTTP/1.1 413 Request Entity Too Large\r\n");
      assertThat(ex.head().toLowerCase())
          .contains("content-type: application/json")
          .contains("connection: close");
      assertThat(ex.body())
          .isEqualTo(
              "{\"error\":{\"code\":413,\"message\":\"Request body too large: the simulator"
                  + " takes at most 32 MiB\",\"metadata\":{\"error_type\":\"invalid_request\"}}}");
    }
  }

  @Test
  void anExpectationOtherThan100ContinueGetsA417EnvelopeAndTheConnectionCloses() throws Exception {
    try (Simulator sim =
        Simulator.start(SimulatorOptions.defaults().withProfile(exactProfile(List.of())))) {
      String refused =
          "POST /api/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/json\r\nExpect: 200-ok\r\nContent-Length: 2\r\n\r\n{}";
      String next = RawHttp.MODELS_GET.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n");
      var ex = RawHttp.exchange(sim.port(), refused + next, Ticker.system());
      assertThat(ex.head()).startsWith("HTTP/1.1 417 Expectation Failed\r\n");
      assertThat(ex.head().toLowerCase())
          .contains("content-type: application/json")
          .contains("connection: close");
      String envelope =
          "{\"error\":{\"code\":417,\"message\":\"Expectation failed: the only Expect header"
              + " served is 100-continue, not '200-ok'\",\"metadata\":{\"error_type\":"
              + "\"invalid_request\"}}}";
      // The request queued behind it is not answered: the body's bytes would be read as one.
      assertThat(ex.text()).endsWith("\r\n\r\n" + envelope);
      assertThat(ex.reset()).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        "GET /api/v1/models HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /api/v1/models HTTP/3.0\r\nHost: 127.0.0.1\r\n\r\n"
      })
  void aVersionOtherThanHttp1GetsA505EnvelopeAndTheConnectionCloses(String request)
      throws Exception {
    try (Simulator sim =
        Simulator.start(SimulatorOptions.defaults().withProfile(exactProfile(List.of())))) {
      var ex = RawHttp.exchange(sim.port(), request, Ticker.system());
      assertThat(ex.head()).startsWith("HTTP/1.1 505 HTTP Version Not Supported\r\n");
      assertThat(ex.head().toLowerCase()).contains("connection: close");
      assertThat(ex.body())
          .startsWith("{\"error\":{\"code\":505,\"message\":\"HTTP/")
          .contains(" is not served: the simulator speaks HTTP/1.1")
          .endsWith("\"metadata\":{\"error_type\":\"invalid_request\"}}}");
      assertThat(ex.text()).containsOnlyOnce("HTTP/1.1 505").doesNotContain("HTTP/1.1 4");
    }
  }

  @Test
  void aClientLeavingWithRequestsQueuedLeavesTheServerServing() throws Exception {
    try (Simulator sim =
        Simulator.start(SimulatorOptions.defaults().withProfile(exactProfile(List.of())))) {
      String stream = RawHttp.keptAlivePost("/api/v1/chat/completions", BODY);
      String models = RawHttp.MODELS_GET;
      RawHttp.exchange(sim.port(), RawHttp.post("/api/v1/chat/completions", BODY), Ticker.system());
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", sim.port())) {
        socket.getOutputStream().write((stream + models + models).getBytes(UTF_8));
        socket.getInputStream().read(new byte[64]); // the stream has begun; two requests wait
      } // and the client leaves
      var after =
          RawHttp.exchange(
              sim.port(), RawHttp.post("/api/v1/chat/completions", BODY), Ticker.system());
      assertThat(after.body()).endsWith("data: [DONE]\n\n");
    }
  }
}
