package dev.pitwall.sim;

import dev.pitwall.time.Ticker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves calls of each kind on a throwaway simulator, once per JVM, before the first real one
 * starts. On a cold JVM the first call spent about 0.3 s in class loading and the interpreter: its
 * first token came 328 to 379 ms after the request instead of the profile's 100 ms (the second
 * call's at 107 to 109 ms). After this warm-up the first call's comes at 109 to 112 ms, for about
 * 0.9 s more at start. Loaded classes and compiled code are the JVM's, so warming a throwaway
 * server warms the real one, while the real one's call counter, key accounts and generation records
 * (what the seed makes reproducible) stay untouched.
 *
 * <p>Thread-safety: thread-safe; concurrent first starts warm once, the others do not wait.
 */
final class WarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
  private static final AtomicBoolean DONE = new AtomicBoolean();

  /** Every path a call takes, run enough to load; 200 rounds made the first call no better. */
  private static final int ROUNDS = 20;

  private static final String CHAT = "/api/v1/chat/completions";
  private static final String STREAM =
      "{\"model\":\"warm/up\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"warm up\"}]}";
  private static final String PLAIN =
      "{\"model\":\"warm/up\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  private WarmUp() {}

  /** Warms the JVM the first time it is called; later calls return at once. */
  static void once() {
    if (!DONE.compareAndSet(false, true)) {
      return;
    }
    Ticker ticker = Ticker.system();
    long start = ticker.nanos();
    try (Simulator sim =
        Simulator.bind(SimulatorOptions.defaults().withPort(0).withIoThreads(1), profile())) {
      for (int i = 0; i < ROUNDS; i++) {
        exchange(sim.port(), post(CHAT, STREAM));
        exchange(sim.port(), post(CHAT, PLAIN));
        exchange(
            sim.port(),
            "GET /api/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        exchange(sim.port(), post(CHAT, "{\"model\":\"no/such\"}"));
      }
      LOG.debug("simulator warmed up in {} ms", (ticker.nanos() - start) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      // A cold first call is a fidelity loss, not a failure: the real server still starts.
      LOG.debug("simulator warm-up skipped: {}", e.toString());
    }
  }

  /** One model answering at once, 32 one-token chunks: every step kind of a normal call. */
  private static SimProfile profile() {
    LatencyModel instant = new LatencyModel(0, 0, 1_000_000, 0, 1, 32, 0);
    SimEndpoint endpoint =
        new SimEndpoint(
            "Warm",
            "warm",
            new BigDecimal("0.000001"),
            new BigDecimal("0.000002"),
            "fp8",
            8192,
            1024,
            List.of("max_tokens", "stream_options"),
            instant);
    SimModel model =
        new SimModel("warm/up", "Warm: Up", 1, "warm-up", 8192, null, null, List.of(endpoint));
    return new SimProfile(List.of(model), List.of(), null);
  }

  private static String post(String path, String body) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
        + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  /** Sends one request (which asks to close) on its own connection and reads the whole reply. */
  private static void exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[8192];
      while (in.read(buf) >= 0) {
        // drain until the server closes
      }
    }
  }
}
