package dev.pitwall.client.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A lean blocking HTTP/1.1 client: one socket per exchange, TCP_NODELAY, keep-alive pool per host,
 * chunked and fixed-length bodies decoded inside the connection's own 16 KiB buffer (the caller
 * gets slices of it), TLS through the JDK's {@link SSLSocketFactory} with host-name verification.
 * Timeouts are socket read timeouts set before every read, so a stalled stream is noticed exactly
 * when its deadline passes, with no timer thread.
 *
 * <p>A pooled connection the server has meanwhile closed is retried once on a fresh one when it
 * fails before any response byte.
 */
public final class SocketTransport implements HttpTransport {
  private static final int MAX_IDLE_PER_HOST = 64;

  private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final SSLSocketFactory tls;
  private volatile boolean closed;

  public SocketTransport() {
    this((SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  public SocketTransport(SSLSocketFactory tls) {
    this.tls = tls;
  }

  @Override
  public Exchange send(Request request, long connectTimeoutNanos, long headTimeoutNanos)
      throws IOException {
    if (closed) {
      throw new IOException("transport closed");
    }
    URI uri = request.uri();
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
    String host = uri.getHost();
    String key = (https ? "s:" : "p:") + host + ":" + port;
    byte[] bytes = encode(request, host, port, https);

    Connection c = pooled(key);
    if (c != null) {
      try {
        return c.exchange(bytes, headTimeoutNanos);
      } catch (StaleConnectionException e) {
        c.destroy(); // the server closed it while idle: try once on a fresh connection
      } catch (IOException | RuntimeException e) {
        c.destroy();
        throw e;
      }
    }
    c = connect(key, host, port, https, connectTimeoutNanos);
    try {
      return c.exchange(bytes, headTimeoutNanos);
    } catch (IOException | RuntimeException e) {
      c.destroy();
      if (e instanceof StaleConnectionException) {
        throw new IOException("connection closed by the server before a response", e);
      }
      throw e;
    }
  }

  private Connection pooled(String key) {
    ConcurrentLinkedDeque<Connection> q = idle.get(key);
    if (q == null) {
      return null;
    }
    Connection c;
    while ((c = q.pollFirst()) != null) {
      if (!c.socket.isClosed()) {
        return c;
      }
      c.destroy();
    }
    return null;
  }

  private Connection connect(String key, String host, int port, boolean https, long timeoutNanos)
      throws IOException {
    int ms = millis(timeoutNanos);
    Socket raw = new Socket();
    try {
      raw.setTcpNoDelay(true);
      raw.setKeepAlive(true);
      try {
        raw.connect(new InetSocketAddress(host, port), ms);
      } catch (SocketTimeoutException e) {
        throw new HttpConnectTimeoutException("connect to " + host + ":" + port + " timed out");
      }
      Socket s = raw;
      if (https) {
        SSLSocket ssl = (SSLSocket) tls.createSocket(raw, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(params);
        ssl.setSoTimeout(ms);
        ssl.startHandshake();
        s = ssl;
      }
      Connection c = new Connection(this, key, s);
      open.add(c);
      if (closed) {
        c.destroy();
        throw new IOException("transport closed");
      }
      return c;
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  void release(Connection c) {
    if (closed) {
      c.destroy();
      return;
    }
    ConcurrentLinkedDeque<Connection> q =
        idle.computeIfAbsent(c.key, k -> new ConcurrentLinkedDeque<>());
    if (q.size() >= MAX_IDLE_PER_HOST) {
      c.destroy();
    } else {
      q.offerFirst(c);
    }
  }

  void forget(Connection c) {
    open.remove(c);
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c : open) {
      c.destroy();
    }
    idle.clear();
  }

  static int millis(long nanos) {
    if (nanos <= 0) {
      return 1;
    }
    long ms = (nanos + 999_999) / 1_000_000;
    return ms > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) ms;
  }

  private static byte[] encode(Request r, String host, int port, boolean https) {
    URI uri = r.uri();
    // A head with OpenRouter's attribution headers is 300-450 bytes: sized once, never regrown.
    StringBuilder sb = new StringBuilder(512);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    sb.append(r.method()).append(' ').append(path);
    if (uri.getRawQuery() != null) {
      sb.append('?').append(uri.getRawQuery());
    }
    sb.append(" HTTP/1.1\r\nHost: ").append(host);
    if (port != (https ? 443 : 80)) {
      sb.append(':').append(port);
    }
    sb.append("\r\n");
    for (Map.Entry<String, String> h : r.headers().entrySet()) {
      sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    byte[] body = r.body();
    if (body != null) {
      sb.append("Content-Length: ").append(body.length).append("\r\n");
    }
    sb.append("\r\n");
    byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
    if (body == null) {
      return head;
    }
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all; // one write: head and body leave in one segment where they fit
  }

  /** A reused connection failed before the first response byte. */
  static final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException(String message) {
      super(message);
    }
  }

  /** One socket, its read buffer and the body framing of the response being read. */
  static final class Connection implements Exchange {
    private static final int CHUNK_SIZE_LINE = -2;
    private static final int CHUNK_DATA_END = -3;
    private static final int DONE = -4;

    private final SocketTransport owner;
    private final String key;
    private final Socket socket;
    private final java.io.InputStream in;
    private final java.io.OutputStream out;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;
    private int lastTimeoutMs = -1;
    private boolean used;
    private boolean inUse;

    private int status;
    private final Map<String, String> headers = new java.util.HashMap<>();
    private boolean chunked;
    private boolean untilClose;
    private long remaining; // fixed length: bytes left; chunked: bytes left in chunk, or a state
    private boolean keepAlive;
    private int sliceOff;

    Connection(SocketTransport owner, String key, Socket socket) throws IOException {
      this.owner = owner;
      this.key = key;
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    Exchange exchange(byte[] request, long headTimeoutNanos) throws IOException {
      boolean reused = used;
      used = true;
      inUse = true;
      headers.clear();
      pos = 0;
      lim = 0;
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        if (reused) {
          throw new StaleConnectionException(e.getMessage());
        }
        throw e;
      }
      readHead(headTimeoutNanos, reused);
      return this;
    }

    private void readHead(long timeoutNanos, boolean reused) throws IOException {
      String statusLine;
      try {
        statusLine = readLine(timeoutNanos);
      } catch (SocketTimeoutException e) {
        throw e;
      } catch (IOException e) {
        if (reused && lim == 0) {
          throw new StaleConnectionException(String.valueOf(e.getMessage()));
        }
        throw e;
      }
      // "HTTP/1.1 200 OK"
      if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
        throw new IOException(
            "not an HTTP/1.x response: " + CompletionAccumulator.snippet(statusLine));
      }
      boolean http10 = statusLine.charAt(7) == '0';
      try {
        status = Integer.parseInt(statusLine.substring(9, 12));
      } catch (NumberFormatException e) {
        throw new IOException("bad status line: " + CompletionAccumulator.snippet(statusLine));
      }
      while (true) {
        String line = readLine(timeoutNanos);
        if (line.isEmpty()) {
          break;
        }
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.merge(
              line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
              line.substring(colon + 1).strip(),
              (a, b) -> a + ", " + b);
        }
      }
      if (status >= 100 && status < 200) {
        readHead(timeoutNanos, false); // 100 Continue and friends: the real head follows
        return;
      }
      String connection = headers.getOrDefault("connection", "");
      keepAlive = !http10 && !connection.equalsIgnoreCase("close");
      String te = headers.get("transfer-encoding");
      String cl = headers.get("content-length");
      chunked = te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked");
      untilClose = false;
      if (chunked) {
        remaining = CHUNK_SIZE_LINE;
      } else if (cl != null) {
        try {
          remaining = Long.parseLong(cl.strip());
        } catch (NumberFormatException e) {
          throw new IOException("bad Content-Length: " + cl);
        }
        if (remaining == 0) {
          remaining = DONE;
        }
      } else if (status == 204 || status == 304) {
        remaining = DONE;
      } else {
        untilClose = true;
        keepAlive = false;
      }
    }

    @Override
    public int status() {
      return status;
    }

    @Override
    public String header(String lowerCaseName) {
      return headers.get(lowerCaseName);
    }

    @Override
    public byte[] array() {
      return buf;
    }

    @Override
    public int offset() {
      return sliceOff;
    }

    @Override
    public int next(long timeoutNanos) throws IOException {
      if (remaining == DONE) {
        return -1;
      }
      if (untilClose) {
        if (pos == lim && fill(timeoutNanos) < 0) {
          remaining = DONE;
          return -1;
        }
        return slice(lim - pos);
      }
      if (!chunked) {
        if (pos == lim && fill(timeoutNanos) < 0) {
          throw new EOFException("connection closed with " + remaining + " body bytes unread");
        }
        int n = slice((int) Math.min(lim - pos, remaining));
        remaining -= n;
        if (remaining == 0) {
          remaining = DONE;
        }
        return n;
      }
      while (true) {
        if (remaining == CHUNK_DATA_END) {
          readLine(timeoutNanos); // the CRLF after a chunk's data
          remaining = CHUNK_SIZE_LINE;
        }
        if (remaining == CHUNK_SIZE_LINE) {
          String sizeLine = readLine(timeoutNanos);
          int semi = sizeLine.indexOf(';');
          String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).strip();
          long size;
          try {
            size = Long.parseLong(hex, 16);
          } catch (NumberFormatException e) {
            throw new IOException("bad chunk size: " + CompletionAccumulator.snippet(sizeLine));
          }
          if (size == 0) {
            while (!readLine(timeoutNanos).isEmpty()) {
              // trailers: ignored
            }
            remaining = DONE;
            return -1;
          }
          remaining = size;
        }
        if (pos == lim && fill(timeoutNanos) < 0) {
          throw new EOFException("connection closed inside a chunk");
        }
        int n = slice((int) Math.min(lim - pos, remaining));
        remaining -= n;
        if (remaining == 0) {
          remaining = CHUNK_DATA_END;
        }
        return n;
      }
    }

    private int slice(int n) {
      sliceOff = pos;
      pos += n;
      return n;
    }

    private int fill(long timeoutNanos) throws IOException {
      if (pos == lim) {
        pos = 0;
        lim = 0;
      } else if (lim == buf.length) {
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
      }
      if (timeoutNanos <= 0) {
        throw new SocketTimeoutException("deadline passed");
      }
      int ms = millis(timeoutNanos);
      if (ms != lastTimeoutMs) {
        socket.setSoTimeout(ms);
        lastTimeoutMs = ms;
      }
      int n = in.read(buf, lim, buf.length - lim);
      if (n > 0) {
        lim += n;
      }
      return n;
    }

    private String readLine(long timeoutNanos) throws IOException {
      while (true) {
        for (int i = pos; i < lim; i++) {
          if (buf[i] == '\n') {
            int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
            String s = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
            pos = i + 1;
            return s;
          }
        }
        if (pos == 0 && lim == buf.length) {
          throw new IOException("response line longer than " + buf.length + " bytes");
        }
        if (fill(timeoutNanos) < 0) {
          throw new EOFException("connection closed before the end of a line");
        }
      }
    }

    @Override
    public void close() {
      if (!inUse) {
        return; // closed twice: the connection is already pooled or gone
      }
      inUse = false;
      if (remaining == DONE && keepAlive && pos == lim) {
        owner.release(this);
      } else {
        destroy();
      }
    }

    void destroy() {
      owner.forget(this);
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing is best effort
      }
    }
  }
}
