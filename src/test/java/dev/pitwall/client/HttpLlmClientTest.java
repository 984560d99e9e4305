package dev.pitwall.client;

import static dev.pitwall.client.ScriptedServer.at;
import static dev.pitwall.client.ScriptedServer.now;
import static dev.pitwall.client.ScriptedServer.respond;
import static dev.pitwall.client.ScriptedServer.sse;
import static dev.pitwall.client.ScriptedServer.steps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Route;
import dev.pitwall.suite.Timeouts;
import dev.pitwall.time.Ticker;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against a scripted loopback server: what the server did is what we measure. */
class HttpLlmClientTest {
  static final String KEY = "sk-or-v1-secret-test-key-0123456789";
  static final long MS = 1_000_000L;

  ScriptedServer server;
  LlmClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
    client =
        LlmClients.http(ClientConfig.of(server.baseUrl(), ApiKey.ofNullable(KEY)), Ticker.system());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  static ChatCall call(RequestParams params) {
    return call(params, Timeouts.DEFAULTS);
  }

  static ChatCall call(RequestParams params, Timeouts timeouts) {
    return new ChatCall(
        "meta/llama-3",
        List.of(new Message("system", "Be terse."), new Message("user", "Explain CAP")),
        params,
        new Route(List.of("fireworks"), false, null, null),
        timeouts,
        "n1");
  }

  static RequestParams streaming() {
    return new RequestParams(500, 0.0, null, 42L, null, true, false, Map.of());
  }

  static RequestParams plain() {
    return new RequestParams(500, 0.0, null, null, null, false, false, Map.of());
  }

  @Test
  void streamMatchesWhatTheServerDid() throws Exception {
    server.then(
        sse(
            steps(
                now(Chunks.comment()),
                now(Chunks.role()),
                at(60, Chunks.reasoning("thinking")),
                at(30, Chunks.content("Hello")),
                at(20, Chunks.content(" world")),
                now(Chunks.finish()),
                at(20, Chunks.usage(12, 3, "0.000123")),
                now(Chunks.done())),
            "X-Generation-Id: gen-header"));

    ClientResult r = client.complete(call(streaming()));

    assertThat(r.outcome()).isEqualTo(Outcome.OK);
    assertThat(r.httpStatus()).isEqualTo(200);
    long ttft = r.tFirstNs() - r.tSendNs();
    long ttfa = r.tAnswerNs() - r.tSendNs();
    long e2e = r.tLastNs() - r.tSendNs();
    // The server cannot send earlier than its cumulative sleeps. Upper bounds are loose: the
    // machine is shared and tests never assert on speed; exact stamps are tested on fake time in
    // CompletionAccumulatorTest, and the overhead is measured by the macro benchmark.
    assertThat(ttft).isBetween(60 * MS, 1000 * MS);
    assertThat(ttfa).isBetween(90 * MS, 1000 * MS).isGreaterThan(ttft);
    assertThat(e2e).isBetween(110 * MS, 1000 * MS).isGreaterThan(ttfa);
    assertThat(r.tDoneNs() - r.tSendNs())
        .as("t_done after the usage chunk")
        .isGreaterThanOrEqualTo(130 * MS);
    assertThat(r.tDoneNs()).as("the usage chunk never moves t_last").isGreaterThan(r.tLastNs());
    assertThat(r.tokenEvents()).isEqualTo(3);
    assertThat(r.gapCount()).isEqualTo(2);
    assertThat(r.gapsNs()[0] + r.gapsNs()[1]).isEqualTo(r.tLastNs() - r.tFirstNs());
    assertThat(r.usage()).isEqualTo(new Usage(12, 3, 1, 2, new BigDecimal("0.000123"), false));
    assertThat(r.servedProvider()).isEqualTo("Fireworks");
    assertThat(r.servedModel()).isEqualTo("meta/llama-3");
    assertThat(r.generationId()).isEqualTo("gen-123");
    assertThat(r.finishReason()).isEqualTo("stop");
    assertThat(r.errorMessage()).isNull();
  }

  @Test
  void callsOfOneCellSendOneBodyUnlessANonceSetsThemApart() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.then(sse(steps(now(Chunks.content("x")), now(Chunks.done()))));
    }
    ChatCall plain = call(streaming());
    ChatCall noNonce =
        new ChatCall(
            plain.model(), plain.messages(), plain.params(), plain.route(), plain.timeouts(), null);
    client.complete(noNonce);
    client.complete(noNonce);
    client.complete(
        new ChatCall(
            plain.model(),
            plain.messages(),
            plain.params(),
            plain.route(),
            plain.timeouts(),
            "n7"));
    client.complete(
        new ChatCall(
            "other/model",
            plain.messages(),
            plain.params(),
            plain.route(),
            plain.timeouts(),
            null));
    List<String> bodies = server.requests.stream().map(ScriptedServer.Received::body).toList();
    assertThat(bodies.get(1)).isEqualTo(bodies.get(0)).doesNotContain("nonce");
    assertThat(bodies.get(2)).contains("Explain CAP [nonce:n7]");
    assertThat(bodies.get(3)).contains("\"model\":\"other/model\"").doesNotContain("nonce");
  }

  @Test
  void requestCarriesBodyAndHeaders() throws Exception {
    server.then(sse(steps(now(Chunks.content("x")), now(Chunks.done()))));
    client.complete(call(streaming()));

    ScriptedServer.Received req = server.requests.get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.path()).isEqualTo("/api/v1/chat/completions");
    assertThat(req.headers())
        .containsEntry("authorization", "Bearer " + KEY)
        .containsEntry("x-title", "pitwall")
        .containsEntry("x-openrouter-title", "pitwall")
        .containsEntry("http-referer", ClientConfig.DEFAULT_REFERER)
        .containsEntry("content-type", "application/json");
    JsonNode body = new ObjectMapper().readTree(req.body());
    assertThat(body.get("model").asText()).isEqualTo("meta/llama-3");
    assertThat(body.at("/messages/1/content").asText()).isEqualTo("Explain CAP [nonce:n1]");
    assertThat(body.at("/messages/0/content").asText()).isEqualTo("Be terse.");
    assertThat(body.get("max_tokens").asInt()).isEqualTo(500);
    assertThat(body.get("temperature").asDouble()).isZero();
    assertThat(body.get("seed").asLong()).isEqualTo(42);
    assertThat(body.has("top_p")).isFalse();
    assertThat(body.get("stream").asBoolean()).isTrue();
    assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
    assertThat(body.at("/usage/include").asBoolean()).isTrue();
    assertThat(body.at("/provider/order/0").asText()).isEqualTo("fireworks");
    assertThat(body.at("/provider/allow_fallbacks").asBoolean()).isFalse();
    assertThat(body.has("response_format")).isFalse();
  }

  @Test
  void nonStreamingReply() {
    server.then(respond(200, "application/json", "  \n" + Chunks.nonStream("Hi there", "0.0002")));

    ClientResult r = client.complete(call(plain()));

    assertThat(r.outcome()).isEqualTo(Outcome.OK);
    assertThat(r.tFirstNs())
        .isEqualTo(r.tLastNs())
        .isEqualTo(r.tDoneNs())
        .isGreaterThan(r.tSendNs());
    assertThat(r.usage().completionTokens()).isEqualTo(3);
    assertThat(r.usage().cost()).isEqualByComparingTo("0.0002");
    assertThat(r.servedProvider()).isEqualTo("Fireworks");
    assertThat(r.finishReason()).isEqualTo("stop");
  }

  @Test
  void keepsTheConnectionAlive() {
    server.always(sse(steps(now(Chunks.content("x")), now(Chunks.done()))));
    for (int i = 0; i < 5; i++) {
      assertThat(client.complete(call(streaming())).outcome()).isEqualTo(Outcome.OK);
    }
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void throttledWithRetryAfter() {
    server.then(
        respond(
            429,
            "application/json",
            "{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\",\"metadata\":{}}}",
            "Retry-After: 7"));

    ClientResult r = client.complete(call(streaming()));

    assertThat(r.outcome()).isEqualTo(Outcome.THROTTLED);
    assertThat(r.httpStatus()).isEqualTo(429);
    assertThat(r.errorCode()).isEqualTo("429");
    assertThat(r.errorMessage()).contains("Rate limit exceeded");
    assertThat(r.retryAfterNanos()).isEqualTo(7_000_000_000L);
  }

  @Test
  void keyEchoedInAnErrorIsRedacted() {
    server.then(
        respond(
            401,
            "application/json",
            "{\"error\":{\"code\":401,\"message\":\"No auth credentials found for "
                + KEY
                + "\"}}"));

    ClientResult r = client.complete(call(streaming()));

    assertThat(r.outcome()).isEqualTo(Outcome.CLIENT_ERROR);
    assertThat(r.errorMessage()).contains("[redacted]").doesNotContain(KEY);
    assertThat(r.toString()).doesNotContain(KEY);
  }

  @Test
  void htmlErrorPage() {
    server.then(
        respond(
            502,
            "text/html",
            "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"));

    ClientResult r = client.complete(call(streaming()));

    assertThat(r.outcome()).isEqualTo(Outcome.SERVER_ERROR);
    assertThat(r.errorMessage()).isEqualTo("HTML error page: 502 Bad Gateway");
  }

  @Test
  void connectionRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (LlmClient c =
        LlmClients.http(
            ClientConfig.of(URI.create("http://127.0.0.1:" + port + "/api/v1"), null),
            Ticker.system())) {
      ClientResult r = c.complete(call(streaming()));
      assertThat(r.outcome()).isEqualTo(Outcome.CONNECT_ERROR);
      assertThat(r.httpStatus()).isZero();
      assertThat(r.errorMessage()).contains("cannot connect to 127.0.0.1:" + port);
    }
  }

  @Test
  void aTlsHandshakeTheServerNeverAnswersTimesOutAtTheConnectTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      URI https = URI.create("https://127.0.0.1:" + silent.getLocalPort() + "/api/v1");
      Timeouts t =
          new Timeouts(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(5));
      try (LlmClient c = LlmClients.http(ClientConfig.of(https, null), Ticker.system())) {
        // the kernel completes the TCP handshake from the backlog; nobody ever reads or writes
        ClientResult r = c.complete(call(streaming(), t));
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.errorMessage())
            .isEqualTo("connect timeout after 200 ms (the TLS handshake with 127.0.0.1 timed out)");
        assertThat(r.tDoneNs() - r.tSendNs()).isBetween(200 * MS, 5_000 * MS);
      }
    }
  }

  @Test
  void tlsFailureIsAConnectError() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread t =
          new Thread(
              () -> {
                try (java.net.Socket s = plain.accept()) {
                  s.getOutputStream().write(ScriptedServer.ascii("HTTP/1.1 400 Bad\r\n\r\n"));
                } catch (java.io.IOException ignored) {
                  // the client gave up
                }
              });
      t.setDaemon(true);
      t.start();
      URI https = URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/api/v1");
      try (LlmClient c = LlmClients.http(ClientConfig.of(https, null), Ticker.system())) {
        ClientResult r = c.complete(call(streaming()));
        assertThat(r.outcome()).isEqualTo(Outcome.CONNECT_ERROR);
        assertThat(r.errorMessage())
            .startsWith("the TLS handshake with 127.0.0.1:" + plain.getLocalPort() + " failed")
            .doesNotContain("Exception");
      }
    }
  }

  @Test
  void errorInsideA200BodyTakesItsCode() {
    server.then(
        respond(
            200,
            "application/json",
            "{\"error\":{\"code\":502,\"message\":\"Provider returned error\"}}"));

    ClientResult r = client.complete(call(plain()));

    assertThat(r.outcome()).isEqualTo(Outcome.SERVER_ERROR);
    assertThat(r.errorCode()).isEqualTo("502");
  }

  @Test
  void garbageBodyIsInvalid() {
    server.then(respond(200, "application/json", "<html>oops</html>"));

    ClientResult r = client.complete(call(plain()));

    assertThat(r.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(r.errorMessage()).contains("not JSON");
  }

  @Test
  void connectionSetUpIsReportedApartOnlyByTheCallThatWaitedForIt() {
    server.always(sse(steps(now(Chunks.content("x")), now(Chunks.done()))));
    ClientResult first = client.complete(call(streaming()));
    ClientResult second = client.complete(call(streaming()));
    assertThat(first.connectNs()).isPositive();
    assertThat(first.tlsNs()).isZero(); // plain HTTP
    assertThat(second.connectNs()).isZero();
    assertThat(second.tlsNs()).isZero();
  }

  @Test
  void aConnectionIdleLongerThanKeepaliveIdleIsNotReused() {
    server.always(sse(steps(now(Chunks.content("x")), now(Chunks.done()))));
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
    ClientConfig config =
        ClientConfig.of(server.baseUrl(), null).withKeepaliveIdle(java.time.Duration.ofSeconds(30));
    try (LlmClient c = LlmClients.http(config, now::get)) {
      c.complete(call(streaming()));
      now.addAndGet(30_000 * MS); // exactly the limit: still reused
      c.complete(call(streaming()));
      assertThat(server.connections.get()).isEqualTo(1);
      now.addAndGet(30_001 * MS);
      ClientResult r = c.complete(call(streaming()));
      assertThat(r.outcome()).isEqualTo(Outcome.OK);
      assertThat(server.connections.get()).isEqualTo(2);
    }
  }

  @Test
  void aGzipBodyIsAskedForOnlyWhenWantedAndDecoded() throws Exception {
    byte[] json = ScriptedServer.ascii(Chunks.nonStream("Hi there", "0.0002"));
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
      gz.write(json);
    }
    ScriptedServer.Handler gzip =
        (req, sock, out) -> {
          out.write(
              ScriptedServer.ascii(
                  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      + "Content-Encoding: gzip\r\nContent-Length: "
                      + zipped.size()
                      + "\r\n\r\n"));
          out.write(zipped.toByteArray());
          return true;
        };
    server.then(gzip).then(respond(200, "application/json", new String(json)));
    RequestParams wanted =
        new RequestParams(500, 0.0, null, null, null, false, false, Map.of(), true);

    ClientResult r = client.complete(call(wanted));
    client.complete(call(plain()));

    assertThat(r.outcome()).as(r.errorMessage()).isEqualTo(Outcome.OK);
    assertThat(r.usage().cost()).isEqualByComparingTo("0.0002");
    assertThat(server.requests.get(0).headers()).containsEntry("accept-encoding", "gzip");
    assertThat(server.requests.get(1).headers()).doesNotContainKey("accept-encoding");
  }

  @Test
  void aRedirectIsRefusedWithItsLocation() {
    server.then(
        respond(
            301, "text/html", "moved", "Location: https://example.test/api/v1/chat/completions"));

    ClientResult r = client.complete(call(streaming()));

    assertThat(r.outcome()).isEqualTo(Outcome.CLIENT_ERROR);
    assertThat(r.httpStatus()).isEqualTo(301);
    assertThat(r.errorCode()).isEqualTo("redirect");
    assertThat(r.errorMessage())
        .contains("https://example.test/api/v1/chat/completions")
        .contains("does not follow redirects");
  }

  @Test
  void serverClosingWithoutAResponse() {
    server.then((req, s, out) -> false);

    ClientResult r = client.complete(call(streaming()));

    assertThat(r.outcome()).isEqualTo(Outcome.CONNECT_ERROR);
    assertThat(r.errorMessage()).startsWith("no response");
  }

  @Test
  void staleKeepAliveConnectionIsRetriedOnce() {
    server.then(
        (req, s, out) -> {
          sse(steps(now(Chunks.content("x")), now(Chunks.done()))).handle(req, s, out);
          out.flush();
          return false; // closes the connection the client has pooled
        });
    server.always(sse(steps(now(Chunks.content("y")), now(Chunks.done()))));

    assertThat(client.complete(call(streaming())).outcome()).isEqualTo(Outcome.OK);
    assertThat(client.complete(call(streaming())).outcome()).isEqualTo(Outcome.OK);
    assertThat(server.connections.get()).isEqualTo(2);
  }

  @Test
  void firstTokenTimeout() {
    server.then(
        (req, s, out) -> {
          out.write(
              ScriptedServer.ascii(
                  "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"));
          out.flush();
          server.stall.await();
          return false;
        });
    Timeouts t = new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(150), Duration.ofSeconds(5));

    ClientResult r = client.complete(call(streaming(), t));

    assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(r.tFirstNs()).isEqualTo(ClientResult.NONE);
    assertThat(r.tDoneNs() - r.tSendNs()).isBetween(150 * MS, 1000 * MS);
    assertThat(r.errorMessage()).contains("no token within 150 ms");
  }

  @Test
  void stallAfterFirstTokenTimesOut() {
    server.then(
        (req, s, out) -> {
          sse(steps(now(Chunks.content("Hello")))).handle(req, s, new NoEnd(out));
          server.stall.await();
          return false;
        });
    Timeouts t =
        new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(300));

    ClientResult r = client.complete(call(streaming(), t));

    assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(r.tFirstNs()).isNotEqualTo(ClientResult.NONE);
    assertThat(r.tokenEvents()).isEqualTo(1);
    assertThat(r.errorMessage()).contains("stalled after 1 token events");
  }

  @Test
  void resetAfterTheFirstTokensIsAStreamError() {
    server.then(
        (req, s, out) -> {
          sse(steps(now(Chunks.content("Hello")), now(Chunks.content(" wor"))))
              .handle(req, s, new NoEnd(out));
          s.setSoLinger(true, 0);
          return false; // closing with linger 0 sends RST
        });

    ClientResult r = client.complete(call(streaming()));

    assertThat(r.outcome()).isEqualTo(Outcome.STREAM_ERROR);
    assertThat(r.tokenEvents()).isEqualTo(2);
  }

  @Test
  void midStreamErrorEvent() {
    server.then(
        sse(
            steps(
                now(Chunks.content("Hel")),
                now(Chunks.error(502, "Provider returned error")),
                now(Chunks.done()))));

    ClientResult r = client.complete(call(streaming()));

    assertThat(r.outcome()).isEqualTo(Outcome.STREAM_ERROR);
    assertThat(r.errorCode()).isEqualTo("502");
    assertThat(r.errorMessage()).contains("Provider returned error");
    assertThat(r.tokenEvents()).isEqualTo(1);
  }

  @Test
  void streamEndingWithoutDoneIsAStreamError() {
    server.then(sse(steps(now(Chunks.content("Hello")), now(Chunks.finish()))));

    ClientResult r = client.complete(call(streaming()));

    assertThat(r.outcome()).isEqualTo(Outcome.STREAM_ERROR);
    assertThat(r.errorMessage()).contains("before [DONE]");
  }

  @Test
  void jsonModeUsesResponseFormatForOpenAiAndChecksTheReply() throws Exception {
    server.then(sse(steps(now(Chunks.content("not json")), now(Chunks.done()))));
    RequestParams json = new RequestParams(50, null, null, null, null, true, true, Map.of());
    ChatCall c =
        new ChatCall("openai/gpt-4o", List.of(new Message("user", "q")), json, null, null, null);

    ClientResult r = client.complete(c);

    assertThat(r.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(r.errorCode()).isEqualTo("json_mode");
    JsonNode body = new ObjectMapper().readTree(server.requests.get(0).body());
    assertThat(body.at("/response_format/type").asText()).isEqualTo("json_object");
    assertThat(body.has("provider")).isFalse();
  }

  @Test
  void jsonModeFallsBackToAnInstructionAndAcceptsAFencedObject() throws Exception {
    server.then(
        sse(steps(now(Chunks.content("```json\\n{\\\"a\\\": 1}\\n```")), now(Chunks.done()))));
    RequestParams json = new RequestParams(50, null, null, null, null, true, true, Map.of());
    ChatCall c =
        new ChatCall("meta/llama-3", List.of(new Message("user", "q")), json, null, null, null);

    ClientResult r = client.complete(c);

    assertThat(r.outcome()).isEqualTo(Outcome.OK);
    JsonNode body = new ObjectMapper().readTree(server.requests.get(0).body());
    assertThat(body.has("response_format")).isFalse();
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
  }

  @Test
  void closingTheClientCancelsACallInFlight() throws Exception {
    java.util.concurrent.CountDownLatch firstTokenSent = new java.util.concurrent.CountDownLatch(1);
    server.then(
        (req, s, out) -> {
          sse(steps(now(Chunks.content("Hello")))).handle(req, s, new NoEnd(out));
          firstTokenSent.countDown();
          server.stall.await();
          return false;
        });
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<ClientResult> f =
          pool.submit(() -> client.complete(call(streaming())));
      firstTokenSent.await();
      client.close();
      ClientResult r = f.get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tokenCountFallsBackToAnEstimate() {
    server.then(sse(steps(now(Chunks.content("abcdefgh")), now(Chunks.done()))));

    ClientResult r = client.complete(call(streaming()));

    assertThat(r.usage()).isNull();
    assertThat(r.tokenSource()).isEqualTo(dev.pitwall.metrics.TokenSource.ESTIMATED);
    assertThat(r.completionTokens()).isEqualTo(2);
  }

  @Test
  void nonStreamingWaitsForTheTotalTimeoutNotTheFirstTokenOne() {
    server.then(
        (req, s, out) -> {
          Thread.sleep(200); // a server that answers only when the completion is done
          return respond(200, "application/json", Chunks.nonStream("late", "0.1"))
              .handle(req, s, out);
        });
    Timeouts t = new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofSeconds(5));

    assertThat(client.complete(call(plain(), t)).outcome()).isEqualTo(Outcome.OK);
  }

  @Test
  void oneClientServesManyThreads() throws Exception {
    server.always(
        sse(steps(now(Chunks.content("x")), now(Chunks.usage(1, 1, "0.1")), now(Chunks.done()))));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<ClientResult>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        results.add(pool.submit(() -> client.complete(call(streaming()))));
      }
      for (java.util.concurrent.Future<ClientResult> f : results) {
        ClientResult r = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.usage().cost()).isEqualByComparingTo("0.1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.requests).hasSize(40);
    assertThat(server.connections.get()).isBetween(1, 4);
  }

  /** Lets a script write a stream without the closing chunk, to break it afterwards. */
  static final class NoEnd extends java.io.FilterOutputStream {
    NoEnd(java.io.OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b) throws java.io.IOException {
      if (!new String(b, java.nio.charset.StandardCharsets.US_ASCII).equals("0\r\n\r\n")) {
        out.write(b);
      }
    }
  }
}
