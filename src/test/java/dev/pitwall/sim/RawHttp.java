package dev.pitwall.sim;

import dev.pitwall.time.Ticker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw-socket HTTP/1.1 exchange: what the simulator puts on the wire, byte for byte, with the time
 * each byte arrived. Tests use it where a client library would hide the framing.
 */
final class RawHttp {
  /**
   * The bytes received, the arrival time of each (ns after the request was written), and how the
   * connection ended.
   */
  record Exchange(byte[] bytes, long[] arrivalNanos, boolean reset) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    String head() {
      String t = text();
      int end = t.indexOf("\r\n\r\n");
      return end < 0 ? t : t.substring(0, end + 2);
    }

    /** The body with chunked transfer encoding removed; fails on a malformed chunk frame. */
    String body() {
      String t = text();
      int start = t.indexOf("\r\n\r\n") + 4;
      if (!head().toLowerCase().contains("transfer-encoding: chunked")) {
        return t.substring(start);
      }
      StringBuilder out = new StringBuilder();
      int i = start;
      while (i < t.length()) {
        int eol = t.indexOf("\r\n", i);
        int size = Integer.parseInt(t.substring(i, eol), 16);
        if (size == 0) {
          if (!t.startsWith("\r\n", eol + 2)) {
            throw new AssertionError("last chunk not followed by CRLF");
          }
          return out.toString();
        }
        out.append(t, eol + 2, eol + 2 + size);
        if (!t.startsWith("\r\n", eol + 2 + size)) {
          throw new AssertionError("chunk of " + size + " bytes not followed by CRLF at " + i);
        }
        i = eol + 2 + size + 2;
      }
      throw new AssertionError("chunked body without its last chunk");
    }

    /** Arrival time of the first occurrence of {@code marker}'s last byte, in ns. */
    long arrivalOf(String marker, int fromIndex) {
      int at = text().indexOf(marker, fromIndex);
      if (at < 0) {
        throw new AssertionError("not received: " + marker);
      }
      return arrivalNanos[at + marker.getBytes(StandardCharsets.UTF_8).length - 1];
    }
  }

  static Exchange exchange(int port, String request, Ticker ticker) throws IOException {
    try (Socket socket = new Socket()) {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      socket.setSoTimeout(20_000);
      long start = ticker.nanos();
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      List<long[]> arrivals = new ArrayList<>();
      byte[] buf = new byte[65536];
      boolean reset = false;
      while (true) {
        int n;
        try {
          n = in.read(buf);
        } catch (SocketException e) {
          reset = true;
          break;
        }
        if (n < 0) {
          break;
        }
        arrivals.add(new long[] {bytes.size(), n, ticker.nanos() - start});
        bytes.write(buf, 0, n);
      }
      long[] at = new long[bytes.size()];
      for (long[] a : arrivals) {
        for (int i = 0; i < a[1]; i++) {
          at[(int) a[0] + i] = a[2];
        }
      }
      return new Exchange(bytes.toByteArray(), at, reset);
    }
  }

  /** A GET of {@code /api/v1/models} that leaves the connection open, to queue behind a call. */
  static final String MODELS_GET = "GET /api/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

  /** A JSON POST after which the server closes the connection. */
  static String post(String path, String body) {
    return post(path, body, "Connection: close\r\n");
  }

  /** A JSON POST that leaves the connection open for the requests written after it. */
  static String keptAlivePost(String path, String body) {
    return post(path, body, "");
  }

  private static String post(String path, String body, String connectionHeader) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + b.length
        + "\r\n"
        + connectionHeader
        + "\r\n"
        + body;
  }
}
