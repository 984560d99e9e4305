package dev.pitwall.runner.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback server that answers every chat completion at once (one answer in {@value
 * #IN_PIECES_EVERY} in pieces, as a real stream comes) with a canned response in OpenRouter's shape
 * (a stream of token events ending with usage and {@code [DONE]}, or one JSON body), and
 * OpenRouter's record of each generation, for {@link dev.pitwall.runner.Primer}. It exists so that
 * pitwall's own client, runner and writers can be run thousands of times before the first measured
 * call at no cost and no load on the target; it implements only what those calls need: keep-alive
 * HTTP/1.1, fixed-length request bodies, one connection per thread.
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

  /**
   * One answer in this many is written in pieces ({@link #writeInPieces}): enough for the reader's
   * every branch to be met while priming, few enough that the pauses cost it well under a second.
   */
  static final int IN_PIECES_EVERY = 16;

  /** A stream's events per piece written (see {@link #writeInPieces}). */
  static final int EVENTS_PER_PIECE = 8;

  /**
   * The pause between pieces: far longer than the client takes to read what came (microseconds),
   * short enough that priming's thousands of calls take well under a second more.
   */
  private static final long PAUSE_NANOS = 20_000;

  private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
  private static final byte[] LINE_END = {'\r', '\n'};
  private static final byte[] EVENT_END = {'\n', '\n'};

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
      int answers = 0;
      while (!closed) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        byte[] body = in.readNBytes(contentLength(head));
        byte[] answer = answer(head, new String(body, StandardCharsets.UTF_8));
        if (answers++ % IN_PIECES_EVERY == 0) {
          writeInPieces(out, answer);
        } else {
          out.write(answer);
          out.flush();
        }
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
    long n = generations.incrementAndGet();
    String id = "gen-primer-" + n;
    String model = stringField(body, "model", "primer/model");
    int tokens = Math.min(MAX_TOKENS, intField(body, "max_tokens", DEFAULT_TOKENS));
    String usage = usage(tokens, n);
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

  /**
   * OpenRouter's usage object as the simulator writes it, its costs in dollars with the digits a
   * real price gives (a cost of 0 takes shorter paths through the parser and the money sums, which
   * the measured calls then compiled).
   */
  private static String usage(int tokens, long call) {
    String prompt = "0.00000" + (1 + call % 9);
    String completion = "0.0000" + (10 + call % 89) + "2";
    return "{\"prompt_tokens\":8,\"completion_tokens\":"
        + tokens
        + ",\"total_tokens\":"
        + (8 + tokens)
        + ",\"cost\":"
        + new BigDecimal(prompt).add(new BigDecimal(completion)).toPlainString()
        + ",\"is_byok\":false,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0,"
        + "\"video_tokens\":0},\"cost_details\":{\"upstream_inference_cost\":null,"
        + "\"upstream_inference_prompt_cost\":"
        + prompt
        + ",\"upstream_inference_completions_cost\":"
        + completion
        + "},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"image_tokens\":0}}";
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

  /**
   * Writes an answer as a real server's reaches a client: the head first, then the body in pieces
   * with a pause between them, so the client's reader finds its buffer empty, or a line cut short,
   * and waits for more. Written at once, a whole answer lay in the client's buffer and those
   * branches never ran while priming; the JIT compiled the reader without them, and the first real
   * stream threw the compiled reader away (an "unstable if" deoptimization): it ran in C1's
   * profiling code for the next hundred seconds, and C2 compiled it again among the measured calls.
   */
  private static void writeInPieces(OutputStream out, byte[] answer) throws IOException {
    int from = 0;
    for (int cut : cuts(answer)) {
      out.write(answer, from, cut - from);
      out.flush();
      LockSupport.parkNanos(PAUSE_NANOS);
      from = cut;
    }
    out.write(answer, from, answer.length - from);
    out.flush();
  }

  /**
   * Where {@link #writeInPieces} pauses: after the head; halfway into the body's first line; and
   * after every {@value #EVENTS_PER_PIECE}th event of a stream (an event ends with a blank line,
   * and its chunk with the line end after it).
   */
  static int[] cuts(byte[] answer) {
    int headEnd = indexOf(answer, HEAD_END, 0);
    if (headEnd < 0) {
      return new int[0];
    }
    int bodyStart = headEnd + HEAD_END.length;
    if (bodyStart >= answer.length) {
      return new int[0];
    }
    List<Integer> cuts = new ArrayList<>();
    cuts.add(bodyStart);
    int firstLineEnd = indexOf(answer, LINE_END, bodyStart);
    int halfway = bodyStart + ((firstLineEnd < 0 ? answer.length : firstLineEnd) - bodyStart) / 2;
    if (halfway > bodyStart) {
      cuts.add(halfway);
    }
    int events = 0;
    for (int at = indexOf(answer, EVENT_END, bodyStart);
        at >= 0;
        at = indexOf(answer, EVENT_END, at + EVENT_END.length)) {
      int end = at + EVENT_END.length;
      if (startsAt(answer, LINE_END, end)) {
        end += LINE_END.length; // the chunk's own line end: a real server writes it with the event
      }
      if (++events % EVENTS_PER_PIECE == 0
          && end > cuts.get(cuts.size() - 1)
          && end < answer.length) {
        cuts.add(end);
      }
    }
    return cuts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    for (int i = from; i <= haystack.length - needle.length; i++) {
      if (startsAt(haystack, needle, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsAt(byte[] haystack, byte[] needle, int at) {
    if (at < 0 || at + needle.length > haystack.length) {
      return false;
    }
    for (int j = 0; j < needle.length; j++) {
      if (haystack[at + j] != needle[j]) {
        return false;
      }
    }
    return true;
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
