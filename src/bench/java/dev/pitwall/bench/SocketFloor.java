package dev.pitwall.bench;

import dev.pitwall.time.Ticker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor of the user-path throughput benchmark ({@code scripts/bench-throughput.sh}): the
 * simplest Java client of the same calls. THREADS threads, each one blocking keep-alive socket,
 * write a request, read the response to the end of its Content-Length, again; no stamps, no
 * parsing, no rows, no timeouts. What it achieves against the same server in the same minute shows
 * how much of the gap to wrk a JVM with one thread per call in flight on two cores explains.
 *
 * <pre>SocketFloor HOST PORT THREADS SECONDS</pre>
 *
 * Prints "N calls/s".
 */
public final class SocketFloor {
  private SocketFloor() {}

  public static void main(String[] args) throws Exception {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    String body =
        "{\"model\":\"noop/model\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}],"
            + "\"max_tokens\":1,\"temperature\":0,\"stream\":false}";
    byte[] request =
        ("POST /api/v1/chat/completions HTTP/1.1\r\nHost: "
                + host
                + ":"
                + port
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                + "Content-Length: "
                + body.length()
                + "\r\n\r\n"
                + body)
            .getBytes(StandardCharsets.UTF_8);
    LongAdder calls = new LongAdder();
    AtomicBoolean counting = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    Thread[] workers = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] =
          new Thread(
              () -> {
                try (Socket s = new Socket()) {
                  s.setTcpNoDelay(true);
                  s.connect(new InetSocketAddress(host, port));
                  OutputStream out = s.getOutputStream();
                  InputStream in = s.getInputStream();
                  byte[] buf = new byte[16 * 1024];
                  while (!stop.get()) {
                    out.write(request);
                    readResponse(in, buf);
                    if (counting.get()) {
                      calls.increment();
                    }
                  }
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      workers[i].setDaemon(true);
      workers[i].start();
    }
    Thread.sleep(2_000); // warm-up: JIT and connections
    counting.set(true);
    long t0 = Ticker.system().nanos();
    Thread.sleep(seconds * 1_000);
    counting.set(false);
    double elapsed = (Ticker.system().nanos() - t0) / 1e9;
    stop.set(true);
    System.out.printf("%.0f calls/s%n", calls.sum() / elapsed);
  }

  /** Reads one response: the head up to its blank line, then Content-Length bytes of body. */
  private static void readResponse(InputStream in, byte[] buf) throws IOException {
    int lim = 0;
    int headEnd = -1;
    while (headEnd < 0) {
      int n = in.read(buf, lim, buf.length - lim);
      if (n < 0) {
        throw new IOException("closed");
      }
      lim += n;
      for (int i = 3; i < lim; i++) {
        if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
          headEnd = i + 1;
          break;
        }
      }
    }
    String head = new String(buf, 0, headEnd, StandardCharsets.ISO_8859_1).toLowerCase();
    int at = head.indexOf("content-length:");
    int eol = head.indexOf('\r', at);
    int length = Integer.parseInt(head.substring(at + 15, eol).strip());
    int have = lim - headEnd;
    while (have < length) {
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        throw new IOException("closed");
      }
      have += n;
    }
  }
}
