package dev.pitwall.client.bench;

import dev.pitwall.client.ChatCall;
import dev.pitwall.client.ClientConfig;
import dev.pitwall.client.ClientResult;
import dev.pitwall.client.LlmClient;
import dev.pitwall.client.LlmClients;
import dev.pitwall.client.internal.JdkTransport;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.net.TestTls;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.time.Ticker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import org.HdrHistogram.Histogram;

/**
 * Macro benchmark of the client's timing overhead and end-to-end read rate on loopback (issue 5
 * item 9). A server in this JVM stamps, on the same {@link Ticker}, when it has read a request and
 * when it writes the first and last token; the client's overhead is its measured TTFT (E2E) minus
 * the server's own interval. So the figure covers the request write, both wake-ups, the read, the
 * parse and the stamp, and none of the server's sleep jitter. The socket client is measured over
 * plain HTTP and over TLS (a second listener with a keytool-made certificate) in the same run, so
 * the cost of TLS on the timing shows as the difference of the two. Run by {@code
 * scripts/bench-client.sh}.
 *
 * <p>Arguments: {@code [calls=2000] [injectedTtftMicros=1000] [streamEvents=100000]}.
 */
public final class ClientOverheadBenchmark {
  private static final Ticker TICKER = Ticker.system();

  private final ServerSocket server;
  private final ServerSocket tlsServer;
  private final ConcurrentLinkedQueue<long[]> serverStamps = new ConcurrentLinkedQueue<>();
  private final long injectedNanos;

  private final byte[] bigStream;

  private ClientOverheadBenchmark(long injectedNanos, int streamEvents) throws IOException {
    this.injectedNanos = injectedNanos;
    this.bigStream = SseParseBenchmark.stream(streamEvents).getBytes(StandardCharsets.UTF_8);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.tlsServer =
        TestTls.localhost()
            .serverContext()
            .getServerSocketFactory()
            .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    for (ServerSocket listener : List.of(server, tlsServer)) {
      Thread t = new Thread(() -> accept(listener), "bench-server");
      t.setDaemon(true);
      t.start();
    }
  }

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    long injected = (args.length > 1 ? Long.parseLong(args[1]) : 1000) * 1000;
    int events = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    ClientOverheadBenchmark b = new ClientOverheadBenchmark(injected, events);
    System.out.printf(
        "loopback, %d sequential calls after %d warm-up, server-injected TTFT %d µs, 5 tokens%n",
        calls, calls / 4, injected / 1000);
    System.out.printf(
        "%-8s %-5s %9s %9s %9s %9s%n", "client", "what", "p50 µs", "p90 µs", "p99 µs", "max µs");
    List<Map.Entry<String, BiFunction<ClientConfig, Ticker, LlmClient>>> clients =
        List.of(Map.entry("socket", LlmClients::http), Map.entry("jdk", JdkTransport::client));
    Histogram plain = null;
    for (var c : clients) {
      try (LlmClient client = c.getValue().apply(b.config(), TICKER)) {
        Histogram h = b.overhead(c.getKey(), client, calls);
        plain = plain == null ? h : plain;
      }
    }
    try (LlmClient client = LlmClients.http(b.tlsConfig(), TICKER)) {
      Histogram tls = b.overhead("tls", client, calls);
      System.out.printf(
          "TLS - plain socket TTFT overhead: p50 %+.1f µs, p99 %+.1f µs (target: within 300 µs)%n",
          (tls.getValueAtPercentile(50) - plain.getValueAtPercentile(50)) / 1e3,
          (tls.getValueAtPercentile(99) - plain.getValueAtPercentile(99)) / 1e3);
    }
    System.out.printf("%nend-to-end read rate, %d events per stream%n", events);
    for (var c : clients) {
      try (LlmClient client = c.getValue().apply(b.config(), TICKER)) {
        b.readRate(c.getKey(), client);
      }
    }
    b.server.close();
    b.tlsServer.close();
    parseRatePerCpuSecond(events);
  }

  /**
   * The parse rate per CPU-second of this thread: on a shared machine the wall-clock JMH score
   * drops with the load average, the CPU time a parse takes much less.
   */
  static void parseRatePerCpuSecond(int events) {
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    byte[] stream = SseParseBenchmark.stream(events).getBytes(StandardCharsets.UTF_8);
    System.out.printf(
        "%nparse rate per CPU-second (one thread, 16 KiB reads, %d events)%n", events);
    for (boolean decode : new boolean[] {false, true}) {
      double best = 0;
      for (int round = 0; round < 12; round++) {
        long c0 = cpu.getCurrentThreadCpuTime();
        long n = 0;
        for (int rep = 0; rep < 5; rep++) {
          n += parseOnce(stream, decode);
        }
        long c1 = cpu.getCurrentThreadCpuTime();
        if (round >= 6) {
          best = Math.max(best, n / ((c1 - c0) / 1e9));
        }
      }
      System.out.printf(
          "%-22s best of 6: %,.0f events per CPU-second (%,.0f MB/s)%n",
          decode ? "framing + decode" : "framing only", best, best * stream.length / events / 1e6);
    }
  }

  private static long parseOnce(byte[] stream, boolean decode) {
    long[] count = new long[1];
    dev.pitwall.client.internal.CompletionAccumulator acc =
        new dev.pitwall.client.internal.CompletionAccumulator(false);
    dev.pitwall.client.internal.SseParser p =
        new dev.pitwall.client.internal.SseParser(
            decode
                ? acc
                : (b, off, len) -> {
                  count[0] += len > 0 ? 1 : 0;
                  return true;
                });
    for (int off = 0; off < stream.length; off += 16384) {
      acc.arrival(off);
      p.feed(stream, off, Math.min(16384, stream.length - off));
    }
    p.finish();
    return decode ? acc.events() : count[0];
  }

  private ClientConfig config() {
    return ClientConfig.of(
        URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/v1"), null);
  }

  private ClientConfig tlsConfig() {
    return ClientConfig.of(
            URI.create("https://127.0.0.1:" + tlsServer.getLocalPort() + "/api/v1"), null)
        .withTls(TestTls.localhost().clientContext());
  }

  private static ChatCall call(String model) {
    return new ChatCall(
        model,
        List.of(new Message("user", "Explain the CAP theorem in distributed systems")),
        new RequestParams(500, 0.0, null, null, null, true, false, Map.of()),
        null,
        null,
        null);
  }

  private Histogram overhead(String name, LlmClient client, int calls) {
    Histogram ttft = new Histogram(3_600_000_000_000L, 3);
    Histogram e2e = new Histogram(3_600_000_000_000L, 3);
    ChatCall call = call("bench/ttft");
    for (int i = 0; i < calls / 4 + calls; i++) {
      serverStamps.clear();
      ClientResult r = client.complete(call);
      long[] s = serverStamps.poll();
      if (r.outcome() != Outcome.OK || s == null) {
        throw new IllegalStateException(name + ": " + r.outcome() + " " + r.errorMessage());
      }
      if (i >= calls / 4) {
        ttft.recordValue(Math.max(0, (r.tFirstNs() - r.tSendNs()) - (s[1] - s[0])));
        e2e.recordValue(Math.max(0, (r.tLastNs() - r.tSendNs()) - (s[2] - s[0])));
      }
    }
    print(name, "TTFT", ttft);
    print(name, "E2E", e2e);
    return ttft;
  }

  private static void print(String name, String what, Histogram h) {
    System.out.printf(
        "%-8s %-5s %9.1f %9.1f %9.1f %9.1f%n",
        name,
        what,
        h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(90) / 1e3,
        h.getValueAtPercentile(99) / 1e3,
        h.getMaxValue() / 1e3);
  }

  private void readRate(String name, LlmClient client) {
    ChatCall call = call("bench/stream");
    double best = 0;
    for (int i = 0; i < 8; i++) {
      ClientResult r = client.complete(call);
      if (r.outcome() != Outcome.OK) {
        throw new IllegalStateException(name + ": " + r.outcome() + " " + r.errorMessage());
      }
      double rate = r.tokenEvents() / ((r.tDoneNs() - r.tSendNs()) / 1e9);
      if (i >= 3) {
        best = Math.max(best, rate);
        System.out.printf("%-8s run %d: %,.0f events/s%n", name, i - 2, rate);
      }
    }
    System.out.printf("%-8s best: %,.0f events/s%n", name, best);
  }

  // ---- the loopback server --------------------------------------------------------------------

  private void accept(ServerSocket listener) {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        s.setTcpNoDelay(true);
        Thread t = new Thread(() -> serve(s), "bench-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new java.io.BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        String body = readRequest(in);
        if (body == null) {
          return;
        }
        long recv = TICKER.nanos();
        out.write(
            ascii(
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"));
        out.flush();
        if (body.contains("bench/stream")) {
          for (int off = 0; off < bigStream.length; off += 16384) {
            chunk(out, bigStream, off, Math.min(16384, bigStream.length - off));
          }
        } else {
          // the server's own stamps are subtracted, so the park's jitter is not measured
          java.util.concurrent.locks.LockSupport.parkNanos(injectedNanos);
          long first = TICKER.nanos();
          chunk(out, token("The"));
          chunk(out, token(" CAP"));
          chunk(out, token(" theorem"));
          chunk(out, token(" says"));
          byte[] last = token(" that");
          long lastAt = TICKER.nanos();
          chunk(out, last);
          serverStamps.add(new long[] {recv, first, lastAt});
          chunk(
              out,
              ascii(
                  "data: {\"id\":\"gen-b\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,"
                      + "\"completion_tokens\":5,\"cost\":0.00001}}\n\ndata: [DONE]\n\n"));
        }
        out.write(ascii("0\r\n\r\n"));
        out.flush();
      }
    } catch (IOException e) {
      // client closed
    }
  }

  private static byte[] token(String t) {
    return ascii(
        "data: {\"id\":\"gen-b\",\"provider\":\"Loop\",\"model\":\"bench/ttft\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\""
            + t
            + "\"},\"finish_reason\":null}]}\n\n");
  }

  private static void chunk(OutputStream out, byte[] b) throws IOException {
    chunk(out, b, 0, b.length);
  }

  private static void chunk(OutputStream out, byte[] b, int off, int len) throws IOException {
    ByteArrayOutputStream one = new ByteArrayOutputStream(len + 16);
    one.write(ascii(Integer.toHexString(len) + "\r\n"));
    one.write(b, off, len);
    one.write(ascii("\r\n"));
    out.write(one.toByteArray());
    out.flush();
  }

  private static String readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int state = 0;
    while (state < 4) {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      head.append((char) c);
      state =
          (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
              ? state + 1
              : c == '\r' ? 1 : 0;
    }
    int len = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
        len = Integer.parseInt(line.substring(15).strip());
      }
    }
    return new String(in.readNBytes(len), StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
