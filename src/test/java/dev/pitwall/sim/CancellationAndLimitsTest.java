package dev.pitwall.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.time.Ticker;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancellationAndLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STREAM_BODY =
      "{\"model\":\"test/model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  @Test
  void clientDisconnectMarksTheGenerationCancelled() throws Exception {
    SimProfile hanging = WireFormatTest.exactProfile(List.of(FaultRule.always(FaultKind.STALL)));
    try (Simulator sim = Simulator.start(SimulatorOptions.defaults().withProfile(hanging))) {
      String id;
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", sim.port()));
        s.getOutputStream()
            .write(
                RawHttp.post("/api/v1/chat/completions", STREAM_BODY)
                    .getBytes(StandardCharsets.UTF_8));
        InputStream in = s.getInputStream();
        StringBuilder got = new StringBuilder();
        byte[] buf = new byte[4096];
        while (!got.toString().contains("\"content\":")) {
          int n = in.read(buf);
          assertThat(n).isPositive();
          got.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        id = got.toString().replaceAll("(?s).*(?i:x-generation-id): (gen-[^\r]+)\r\n.*", "$1");
      }
      // The server notices the close on its event loop; ask until it has (no sleeping).
      JsonNode gen = null;
      for (int i = 0; i < 10_000; i++) {
        var ex =
            RawHttp.exchange(
                sim.port(),
                "GET /api/v1/generation?id="
                    + id
                    + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                Ticker.system());
        gen = JSON.readTree(ex.body()).get("data");
        if (gen.get("cancelled").asBoolean()) {
          break;
        }
      }
      assertThat(gen.get("cancelled").asBoolean()).isTrue();
      assertThat(gen.get("streamed").asBoolean()).isTrue();
      assertThat(gen.get("provider_name").asText()).isEqualTo("Acme");
    }
  }

  @Test
  void rateLimitAnswers429WithRetryAfterAndRateLimitHeaders() throws Exception {
    SimProfile limited =
        WireFormatTest.exactProfile(List.of()).withRateLimits(new RateLimits(2, null));
    try (Simulator sim = Simulator.start(SimulatorOptions.defaults().withProfile(limited))) {
      String nonStream = STREAM_BODY.replace("true", "false");
      for (int i = 0; i < 2; i++) {
        var ok =
            RawHttp.exchange(
                sim.port(), RawHttp.post("/api/v1/chat/completions", nonStream), Ticker.system());
        assertThat(ok.head()).startsWith("HTTP/1.1 200");
      }
      var refused =
          RawHttp.exchange(
              sim.port(), RawHttp.post("/api/v1/chat/completions", nonStream), Ticker.system());
      String head = refused.head().toLowerCase();
      assertThat(head).startsWith("http/1.1 429");
      assertThat(head).contains("retry-after: 30\r\n").contains("x-ratelimit-limit: 2\r\n");
      assertThat(head).contains("x-ratelimit-remaining: 0\r\n").contains("x-ratelimit-reset: ");
      JsonNode err = JSON.readTree(refused.body()).get("error");
      assertThat(err.get("code").asInt()).isEqualTo(429);
      assertThat(err.at("/metadata/error_type").asText()).isEqualTo("rate_limit_exceeded");
    }
  }

  @Test
  void tokenLimitAnswers429OnceTheMinutesTokensAreSpent() throws Exception {
    SimProfile limited =
        WireFormatTest.exactProfile(List.of()).withRateLimits(new RateLimits(null, 20));
    try (Simulator sim = Simulator.start(SimulatorOptions.defaults().withProfile(limited))) {
      String nonStream = STREAM_BODY.replace("true", "false");
      int served = 0;
      RawHttp.Exchange last = null;
      for (int i = 0; i < 10; i++) {
        last =
            RawHttp.exchange(
                sim.port(), RawHttp.post("/api/v1/chat/completions", nonStream), Ticker.system());
        if (!last.head().startsWith("HTTP/1.1 200")) {
          break;
        }
        served++;
      }
      // Each call spends its prompt and its 6 answer tokens; the call that overdraws still runs.
      assertThat(served).isBetween(1, 3);
      String head = last.head().toLowerCase();
      assertThat(head).startsWith("http/1.1 429").contains("x-ratelimit-limit: 20\r\n");
      long retryAfter = Long.parseLong(head.replaceAll("(?s).*retry-after: (\\d+)\r\n.*", "$1"));
      // The deficit refills at 20 tokens a minute: a few seconds to a minute, never zero.
      assertThat(retryAfter).isBetween(1L, 60L);
      JsonNode err = JSON.readTree(last.body()).get("error");
      assertThat(err.at("/metadata/limit").asText()).isEqualTo("tokens_per_minute");
    }
  }

  @Test
  void keyIsRequiredOnlyWhenAskedFor() throws Exception {
    SimProfile p = WireFormatTest.exactProfile(List.of());
    String body = STREAM_BODY.replace("true", "false");
    try (Simulator open = Simulator.start(SimulatorOptions.defaults().withProfile(p));
        Simulator guarded =
            Simulator.start(SimulatorOptions.defaults().withProfile(p).withRequireKey(true))) {
      assertThat(
              RawHttp.exchange(
                      open.port(), RawHttp.post("/api/v1/chat/completions", body), Ticker.system())
                  .head())
          .startsWith("HTTP/1.1 200");
      var denied =
          RawHttp.exchange(
              guarded.port(), RawHttp.post("/api/v1/chat/completions", body), Ticker.system());
      assertThat(denied.head()).startsWith("HTTP/1.1 401");
      assertThat(JSON.readTree(denied.body()).at("/error/message").asText())
          .isEqualTo("No auth credentials found");
      String withKey =
          RawHttp.post("/api/v1/chat/completions", body)
              .replace(
                  "Connection: close", "Authorization: Bearer sk-or-v1-x\r\nConnection: close");
      assertThat(RawHttp.exchange(guarded.port(), withKey, Ticker.system()).head())
          .startsWith("HTTP/1.1 200");
    }
  }
}
