package dev.pitwall.runner.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server that answers every chat completion at once with a canned response in
 * OpenRouter's shape (a stream of token events ending with usage and {@code [DONE]}, or one JSON
 * body), and OpenRouter's record of each generation, for {@link dev.pitwall.runner.Primer}. It
 * exists so that pitwall's own client, runner and writers can be run thousands of times before the
 * first measured call at no cost and no load on the target; it implements only what those calls
 * need: keep-alive HTTP/1.1, fixed-length request bodies, one connection per thread.
 */
public final class CannedServer implements AutoCloseable {
  /** Token events in a streamed answer: enough to make the per-event path as hot as a real one. */
  static final int MAX_TOKENS = 50;

  private static final int DEFAULT_TOKENS = 16;

  /** OpenRouter's record of a generation ({@code GET /generation}), the same for every id. */
  private static final String GENERATION =
      "{\"data\":{\"id\":\"gen-primer\",\"model\":\"primer/model\",\"provider_name\":"
          + "\"Primer\",\"latency\":1,\"generation_time\":1,\"tokens_prompt\":8,"
          + "\"tokens_completion\":16,\"native_tokens_prompt\":8,\"native_tokens_completion\":16,"
          + "\"total_cost\":0,\"is_byok\":false,\"finish_reason\":\"length\","
          + "\"cancelled\":false,\"upstream_inference_cost\":0}}";

  private static final int MAX_HEAD = 64 * 1024;

  private final ServerSocket server;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong generations = new AtomicLong();
  private volatile boolean closed;

  private CannedServer(ServerSocket server) {
    this.server = server;
  }

  /** Listens on an ephemeral port of 127.0.0.1 and serves until closed. */
  public static CannedServer start() throws IOException {
    ServerSocket socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    CannedServer s = new CannedServer(socket);
    Thread acceptor = new Thread(s::accept, "pitwall-primer-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return s;
  }

  /** The base URL a client is configured with, ending in {@code /api/v1}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/v1");
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = server.accept();
        s.setTcpNoDelay(true);
        sockets.add(s);
        Thread t = new Thread(() -> serve(s), "pitwall-primer-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (!closed) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        byte[] body = in.readNBytes(contentLength(head));
        out.write(answer(head, new String(body, StandardCharsets.UTF_8)));
        out.flush();
      }
    } catch (IOException e) {
      // the client went away, or the server is closing: nothing to answer
    } finally {
      sockets.remove(socket);
    }
  }

  private byte[] answer(String head, String body) {
    if (head.startsWith("GET ") && head.contains("/generation?id=")) {
      return response("200 OK", "application/json", GENERATION);
    }
    if (!head.startsWith("POST ") || !head.contains("/chat/completions ")) {
      String json = "{\"error\":{\"code\":404,\"message\":\"the primer answers chat only\"}}";
      return response("404 Not Found", "application/json", json);
    }
    String id = "gen-primer-" + generations.incrementAndGet();
    String model = stringField(body, "model", "primer/model");
    int tokens = Math.min(MAX_TOKENS, intField(body, "max_tokens", DEFAULT_TOKENS));
    String usage =
        "{\"prompt_tokens\":8,\"completion_tokens\":"
            + tokens
            + ",\"total_tokens\":"
            + (8 + tokens)
            + ",\"cost\":0,\"is_byok\":false,\"prompt_tokens_details\":{\"cached_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":0}}";
    String prefix =
        "{\"id\":\""
            + id
            + "\",\"provider\":\"Primer\",\"model\":\""
            + model
            + "\",\"created\":1700000000,";
    if (!body.replace(" ", "").contains("\"stream\":true")) {
      String json =
          prefix
              + "\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"finish_reason\":"
              + "\"length\",\"native_finish_reason\":\"length\",\"message\":{\"role\":"
              + "\"assistant\",\"content\":\""
              + " token".repeat(tokens)
              + "\"}}],\"usage\":"
              + usage
              + "}";
      return response("200 OK", "application/json", json, id);
    }
    StringBuilder events = new StringBuilder(tokens * 260 + 1024);
    events.append(chunk(": OPENROUTER PROCESSING\n\n"));
    String delta = prefix + "\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,";
    for (int i = 0; i < tokens; i++) {
      events.append(
          chunk(
              "data: "
                  + delta
                  + "\"delta\":{\"role\":\"assistant\",\"content\":\" token\"},"
                  + "\"finish_reason\":null}]}\n\n"));
    }
    events.append(
        chunk(
            "data: "
                + delta
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"finish_reason\":\"length\",\"native_finish_reason\":\"length\"}]}\n\n"));
    events.append(
        chunk(
            "data: "
                + prefix
                + "\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":"
                + usage
                + "}\n\n"));
    events.append(chunk("data: [DONE]\n\n")).append("0\r\n\r\n");
    String headers =
        "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n"
            + "transfer-encoding: chunked\r\nx-generation-id: "
            + id
            + "\r\nconnection: keep-alive\r\n\r\n";
    return (headers + events).getBytes(StandardCharsets.UTF_8);
  }

  private static String chunk(String data) {
    return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length)
        + "\r\n"
        + data
        + "\r\n";
  }

  private static byte[] response(String status, String type, String json) {
    return response(status, type, json, null);
  }

  private static byte[] response(String status, String type, String json, String generationId) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + "\r\ncontent-type: "
            + type
            + "\r\ncontent-length: "
            + body.length
            + (generationId == null ? "" : "\r\nx-generation-id: " + generationId)
            + "\r\nconnection: keep-alive\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  /** The request head up to its blank line, or null when the client closed between requests. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("connection closed inside a request head");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > MAX_HEAD) {
        throw new IOException("request head too long");
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("content-length")) {
        return Integer.parseInt(line.substring(colon + 1).strip());
      }
    }
    return 0;
  }

  /** A top-level string field of a small JSON body, found by its name; good enough for echoing. */
  static String stringField(String json, String name, String absent) {
    int at = json.indexOf("\"" + name + "\"");
    if (at < 0) {
      return absent;
    }
    int open = json.indexOf('"', json.indexOf(':', at) + 1);
    int close = open < 0 ? -1 : json.indexOf('"', open + 1);
    return close < 0 ? absent : json.substring(open + 1, close);
  }

  static int intField(String json, String name, int absent) {
    int at = json.indexOf("\"" + name + "\"");
    if (at < 0) {
      return absent;
    }
    int i = json.indexOf(':', at) + 1;
    while (i < json.length() && json.charAt(i) == ' ') {
      i++;
    }
    int start = i;
    while (i < json.length() && Character.isDigit(json.charAt(i))) {
      i++;
    }
    return i > start ? Integer.parseInt(json.substring(start, i)) : absent;
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // best effort
    }
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // best effort
      }
    }
  }
}
