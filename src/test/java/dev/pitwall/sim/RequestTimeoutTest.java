package dev.pitwall.sim;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.time.Ticker;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request that stops arriving midway is answered 408 and closed; idle connections are kept. */
class RequestTimeoutTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final String BODY =
      "{\"model\":\"test/model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

  private Simulator sim;

  @BeforeEach
  void start() {
    sim =
        Simulator.start(
            SimulatorOptions.defaults()
                .withProfile(WireFormatTest.exactProfile(List.of()))
                .withRequestTimeout(TIMEOUT));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void aHeadThatStopsMidwayIsAnswered408AndClosed() throws Exception {
    String half = "POST /api/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty";
    var ex = RawHttp.exchange(sim.port(), half, Ticker.system());
    assertThat(ex.head()).startsWith("HTTP/1.1 408 Request Timeout\r\n");
    assertThat(ex.head().toLowerCase())
        .contains("content-type: application/json")
        .contains("connection: close");
    assertThat(ex.body())
        .startsWith(
            "{\"error\":{\"code\":408,\"message\":\"Request timeout: no part of the request")
        .contains("for 300 ms");
    assertThat(ex.reset()).isFalse();
    assertThat(ex.arrivalOf("HTTP/1.1 408", 0)).isGreaterThanOrEqualTo(TIMEOUT.toNanos());
  }

  @Test
  void aBodyShortOfItsLengthIsAnswered408AndClosed() throws Exception {
    String head =
        "POST /api/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + (BODY.length() + 10)
            + "\r\n\r\n";
    var ex = RawHttp.exchange(sim.port(), head + BODY, Ticker.system());
    assertThat(ex.head()).startsWith("HTTP/1.1 408 Request Timeout\r\n");
    assertThat(ex.body()).contains("\"code\":408");
  }

  @Test
  void aRequestThatKeepsArrivingIsNotTimedOut() throws Exception {
    String request = RawHttp.post("/api/v1/chat/completions", BODY);
    try (Socket socket = connect()) {
      // Six slices 100 ms apart: 500 ms in all, each gap under the 300 ms timeout.
      int slice = request.length() / 6 + 1;
      for (int i = 0; i < request.length(); i += slice) {
        socket
            .getOutputStream()
            .write(request.substring(i, Math.min(request.length(), i + slice)).getBytes(UTF_8));
        socket.getOutputStream().flush();
        Thread.sleep(100);
      }
      String response = readToEnd(socket.getInputStream());
      assertThat(response).startsWith("HTTP/1.1 200 OK").contains("data: [DONE]");
    }
  }

  @Test
  void anIdleKeepAliveConnectionIsKept() throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(RawHttp.MODELS_GET.getBytes(UTF_8));
      assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200 OK");
      Thread.sleep(3 * TIMEOUT.toMillis());
      socket.getOutputStream().write(RawHttp.MODELS_GET.getBytes(UTF_8));
      assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200 OK");
    }
  }

  @Test
  void aStalledRequestBehindAStreamIsAnsweredAfterTheStreamEnds() throws Exception {
    try (Simulator quick =
        Simulator.start(
            SimulatorOptions.defaults()
                .withProfile(WireFormatTest.exactProfile(List.of()))
                .withRequestTimeout(Duration.ofMillis(20)))) {
      String stream = RawHttp.keptAlivePost("/api/v1/chat/completions", BODY);
      // Warm, so the stream (about 70 ms) outlasts the 20 ms timeout of the request behind it.
      RawHttp.exchange(
          quick.port(), RawHttp.post("/api/v1/chat/completions", BODY), Ticker.system());
      var ex = RawHttp.exchange(quick.port(), stream + "GET /api/v1/mod", Ticker.system());
      String text = ex.text();
      int done = text.indexOf("data: [DONE]\n\n\r\n0\r\n\r\n");
      int timeout = text.indexOf("HTTP/1.1 408 Request Timeout");
      assertThat(text).startsWith("HTTP/1.1 200 OK");
      assertThat(done).isPositive();
      assertThat(timeout).isGreaterThan(done);
    }
  }

  @Test
  void aNonPositiveTimeoutIsRefused() {
    var defaults = SimulatorOptions.defaults();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> defaults.withRequestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestTimeout must be positive");
  }

  private Socket connect() throws Exception {
    Socket socket = new Socket("127.0.0.1", sim.port());
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static String readToEnd(InputStream in) throws Exception {
    return new String(in.readAllBytes(), UTF_8);
  }

  /** One response with a Content-Length body, leaving the connection open. */
  private static String readResponse(InputStream in) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int length = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("closed after: " + out.toString(UTF_8));
      }
      out.write(b);
      String text = out.toString(UTF_8);
      if (length < 0 && text.endsWith("\r\n\r\n")) {
        String lower = text.toLowerCase();
        int at = lower.indexOf("content-length: ") + "content-length: ".length();
        length = Integer.parseInt(lower.substring(at, lower.indexOf("\r\n", at)).trim());
        out.write(in.readNBytes(length));
        return out.toString(UTF_8);
      }
    }
  }
}
