package dev.pitwall.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 that answers each request with a scripted {@link Handler}:
 * raw bytes, with delays where the test wants the server to be slow. Keeps connections alive and
 * records every request. {@link #release} frees handlers that stall on purpose.
 */
final class ScriptedServer implements AutoCloseable {

  /** A received request. */
  record Received(String method, String path, Map<String, String> headers, String body) {}

  /** Writes the reply; returns false to close the connection afterwards. */
  @FunctionalInterface
  interface Handler {
    boolean handle(Received request, Socket socket, OutputStream out) throws Exception;
  }

  private final ServerSocket server;
  private final Thread acceptor;
  private final ConcurrentLinkedQueue<Handler> handlers = new ConcurrentLinkedQueue<>();
  final List<Received> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();
  final CountDownLatch stall = new CountDownLatch(1);
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile Handler fallback;

  ScriptedServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "scripted-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/v1");
  }

  /** Queues a handler for the next request. */
  ScriptedServer then(Handler h) {
    handlers.add(h);
    return this;
  }

  /** The handler for every request once the queue is empty. */
  ScriptedServer always(Handler h) {
    fallback = h;
    return this;
  }

  void release() {
    stall.countDown();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        s.setTcpNoDelay(true);
        sockets.add(s);
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(s), "scripted-conn");
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
        Received r = read(in);
        if (r == null) {
          return;
        }
        requests.add(r);
        Handler h = handlers.poll();
        if (h == null) {
          h = fallback;
        }
        if (h == null || !h.handle(r, s, out)) {
          return;
        }
        out.flush();
      }
    } catch (Exception e) {
      // the client went away, or the script broke the connection on purpose
    }
  }

  private static Received read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      state =
          (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
              ? state + 1
              : b == '\r' ? 1 : 0;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] first = lines[0].split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      if (c > 0) {
        headers.put(
            lines[i].substring(0, c).toLowerCase(Locale.ROOT), lines[i].substring(c + 1).strip());
      }
    }
    int len = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(len);
    return new Received(first[0], first[1], headers, new String(body, StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    release();
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }

  // ---- reply builders -------------------------------------------------------------------------

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A complete response with a body and Content-Length. */
  static Handler respond(int status, String contentType, String body, String... extraHeaders) {
    return (r, s, out) -> {
      byte[] b = ascii(body);
      StringBuilder h = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
      h.append("Content-Type: ").append(contentType).append("\r\n");
      for (String x : extraHeaders) {
        h.append(x).append("\r\n");
      }
      h.append("Content-Length: ").append(b.length).append("\r\n\r\n");
      out.write(ascii(h.toString()));
      out.write(b);
      return true;
    };
  }

  /** One step of a stream: wait, then write these bytes as one HTTP chunk. */
  record Step(long delayMs, String text) {}

  static Step at(long delayMs, String text) {
    return new Step(delayMs, text);
  }

  static Step now(String text) {
    return new Step(0, text);
  }

  /** A chunked {@code text/event-stream} reply written step by step, then the last chunk. */
  static Handler sse(List<Step> steps, String... extraHeaders) {
    return (r, s, out) -> {
      StringBuilder h =
          new StringBuilder(
              "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n");
      for (String x : extraHeaders) {
        h.append(x).append("\r\n");
      }
      out.write(ascii(h.append("\r\n").toString()));
      out.flush();
      for (Step st : steps) {
        if (st.delayMs() > 0) {
          Thread.sleep(st.delayMs()); // the server's simulated generation time
        }
        byte[] b = ascii(st.text());
        out.write(ascii(Integer.toHexString(b.length) + "\r\n"));
        out.write(b);
        out.write(ascii("\r\n"));
        out.flush();
      }
      out.write(ascii("0\r\n\r\n"));
      return true;
    };
  }

  static List<Step> steps(Step... s) {
    return new ArrayList<>(List.of(s));
  }
}
