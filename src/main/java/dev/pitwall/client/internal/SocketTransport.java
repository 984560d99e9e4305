package dev.pitwall.client.internal;

import dev.pitwall.client.ClientConfig;
import dev.pitwall.client.ProxySettings;
import dev.pitwall.time.Ticker;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A lean blocking HTTP/1.1 client: one socket per exchange, TCP_NODELAY, keep-alive pool per host,
 * chunked and fixed-length bodies decoded inside the connection's own 16 KiB buffer (the caller
 * gets slices of it), TLS through the JDK's {@link SSLSocket} with host-name verification and SNI,
 * HTTPS through an HTTP {@code CONNECT} tunnel when a proxy applies. Sockets block in the kernel
 * with no timeout of their own: each blocking step (connect, tunnel, handshake, write, read) arms
 * its deadline on a {@link DeadlineWatchdog}, which closes the socket when the deadline passes, so
 * a stalled stream is noticed when its deadline passes and a read costs one system call.
 *
 * <p>Each exchange reports when its request went out ({@link Exchange#sentNanos}, after connect,
 * tunnel and handshake) and how long those took on a new connection, so connection set-up never
 * counts as the server's latency.
 *
 * <p>A pooled connection the server has meanwhile closed is retried once on a fresh one when the
 * write fails or the server closes before any response byte: nothing of the request reached the
 * application, so the retry is invisible (its send stamp is the one reported). A connection idle
 * longer than {@code keepaliveIdle} is not reused at all.
 */
public final class SocketTransport implements HttpTransport {
  private static final int MAX_IDLE_PER_HOST = 64;
  private static final int MAX_PROXY_HEAD = 16 * 1024;

  private final Map<String, IdlePool> idle = new ConcurrentHashMap<>();
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final SSLContext tlsContext;
  private final ProxySettings proxy;
  private final long keepaliveIdleNanos;
  private final Ticker ticker;
  private final DeadlineWatchdog watchdog;
  private volatile SSLSocketFactory tls;
  private volatile boolean closed;

  /** The transport of {@code config}'s network path, stamping on {@code ticker}. */
  public SocketTransport(ClientConfig config, Ticker ticker) {
    this.tlsContext = config.tls();
    this.proxy = config.proxy();
    this.keepaliveIdleNanos = config.keepaliveIdle().toNanos();
    this.ticker = ticker;
    this.watchdog = new DeadlineWatchdog(ticker);
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
    String host = uri.getHost(); // an IPv6 literal keeps its brackets, as the Host header wants
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
    IdlePool q = idle.get(key);
    if (q == null) {
      return null;
    }
    Connection c;
    long now = ticker.nanos();
    while ((c = q.poll()) != null) {
      if (!c.socket.isClosed() && now - c.idleSinceNs <= keepaliveIdleNanos) {
        return c;
      }
      c.destroy(); // closed here, or idle so long the far side may be closing it right now
    }
    return null;
  }

  private Connection connect(String key, String host, int port, boolean https, long timeoutNanos)
      throws IOException {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    boolean tunnel = https && proxy != null && proxy.appliesTo(bare);
    long t0 = ticker.nanos();
    Socket raw = new Socket();
    DeadlineWatchdog.Guard guard = watchdog.guard(raw);
    try {
      raw.setTcpNoDelay(true);
      raw.setKeepAlive(true);
      String to = tunnel ? proxy.host() : bare;
      int toPort = tunnel ? proxy.port() : port;
      String what = tunnel ? "the proxy " + proxy.address() : host + ":" + port;
      guard.arm(timeoutNanos);
      try {
        raw.connect(new InetSocketAddress(to, toPort)); // blocking: a timed one would not be
      } catch (IOException e) {
        if (guard.disarm()) {
          throw new HttpConnectTimeoutException("connect to " + what + " timed out");
        }
        if (!tunnel || !(e instanceof ConnectException)) {
          throw e;
        }
        throw new ConnectException(
            "cannot connect to the proxy "
                + proxy.address()
                + " of "
                + proxy.source()
                + " ("
                + e.getMessage()
                + ")");
      }
      if (guard.disarm()) {
        throw new HttpConnectTimeoutException("connect to " + what + " timed out");
      }
      if (tunnel) {
        guard.arm(timeoutNanos);
        try {
          openTunnel(raw, host, port);
        } finally {
          if (guard.disarm()) {
            throw new HttpConnectTimeoutException(
                "the proxy " + proxy.address() + " did not open a tunnel in time");
          }
        }
      }
      long t1 = ticker.nanos();
      Socket s = raw;
      if (https) {
        SSLSocket ssl = (SSLSocket) tlsFactory().createSocket(raw, bare, port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS"); // host-name check; SNI comes with bare
        ssl.setSSLParameters(params);
        guard.arm(timeoutNanos);
        try {
          ssl.startHandshake();
        } finally {
          if (guard.disarm()) {
            throw new HttpConnectTimeoutException("the TLS handshake with " + host + " timed out");
          }
        }
        s = ssl;
      }
      long tlsNs = https ? ticker.nanos() - t1 : 0;
      Connection c = new Connection(this, key, s, guard, t1 - t0, tlsNs);
      open.add(c);
      if (closed) {
        c.destroy();
        throw new IOException("transport closed");
      }
      return c;
    } catch (IOException | RuntimeException e) {
      guard.release();
      raw.close();
      throw e;
    }
  }

  /** The JDK's default context unless the config gave one, made on the first HTTPS connect. */
  private SSLSocketFactory tlsFactory() throws IOException {
    SSLSocketFactory f = tls;
    if (f == null) {
      try {
        f = (tlsContext != null ? tlsContext : SSLContext.getDefault()).getSocketFactory();
      } catch (NoSuchAlgorithmException e) {
        throw new SSLException("no default TLS context in this JDK: " + e.getMessage(), e);
      }
      tls = f;
    }
    return f;
  }

  /**
   * Asks the proxy for a tunnel ({@code CONNECT host:port}) and reads its answer byte by byte, so
   * nothing of the TLS stream behind it is consumed. Credentials go only into this request.
   */
  private void openTunnel(Socket raw, String host, int port) throws IOException {
    String authority = host + ":" + port;
    StringBuilder sb = new StringBuilder(160);
    sb.append("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ").append(authority);
    sb.append("\r\nUser-Agent: pitwall\r\n");
    String auth = proxy.basicAuthorization();
    if (auth != null) {
      sb.append("Proxy-Authorization: ").append(auth).append("\r\n");
    }
    sb.append("\r\n");
    raw.getOutputStream().write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    raw.getOutputStream().flush();
    java.io.InputStream in = raw.getInputStream();
    StringBuilder head = new StringBuilder(128);
    while (!head.toString().endsWith("\r\n\r\n") && !head.toString().endsWith("\n\n")) {
      int b = in.read();
      if (b < 0 || head.length() > MAX_PROXY_HEAD) {
        throw new ProxyRefusedException(
            "the proxy "
                + proxy.address()
                + " of "
                + proxy.source()
                + " closed the connection instead of opening a tunnel to "
                + authority);
      }
      head.append((char) b);
    }
    String statusLine = head.substring(0, head.indexOf("\n")).strip();
    int status =
        statusLine.length() >= 12 && statusLine.startsWith("HTTP/1.")
            ? parseStatus(statusLine)
            : -1;
    if (status / 100 != 2) {
      String what =
          status == 407
              ? "asks for credentials it did not accept: check the user and password in "
                  + proxy.source()
              : status == 403
                  ? "forbids tunnels to " + authority + ": ask its administrator to allow the host"
                  : "would not open a tunnel to " + authority;
      throw new ProxyRefusedException(
          "the proxy "
              + proxy.address()
              + " answered "
              + CompletionAccumulator.snippet(statusLine)
              + " and "
              + what);
    }
  }

  private static int parseStatus(String statusLine) {
    try {
      return Integer.parseInt(statusLine.substring(9, 12));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  void release(Connection c) {
    if (closed) {
      c.destroy();
      return;
    }
    c.idleSinceNs = ticker.nanos();
    IdlePool q = idle.get(c.key);
    if (q == null) {
      q = idle.computeIfAbsent(c.key, k -> new IdlePool());
    }
    if (!q.offer(c)) {
      c.destroy();
    }
  }

  /**
   * A host's idle connections, most recently used first, with their count kept apart: a {@link
   * ConcurrentLinkedDeque}'s size() walks the whole deque, once per call when calls are many.
   */
  private static final class IdlePool {
    private final ConcurrentLinkedDeque<Connection> deque = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    Connection poll() {
      Connection c = deque.pollFirst();
      if (c != null) {
        size.decrementAndGet();
      }
      return c;
    }

    /** False when the pool is full: the caller closes the connection. */
    boolean offer(Connection c) {
      if (size.incrementAndGet() > MAX_IDLE_PER_HOST) {
        size.decrementAndGet();
        return false;
      }
      deque.offerFirst(c);
      return true;
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
    watchdog.close();
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
    private final DeadlineWatchdog.Guard guard;
    private final java.io.InputStream in;
    private final java.io.OutputStream out;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;
    private boolean used;
    private boolean inUse;
    private long connectNs;
    private long tlsNs;
    private long sentNs;
    volatile long idleSinceNs;

    private int status;
    private final Map<String, String> headers = new java.util.HashMap<>();
    private boolean chunked;
    private boolean untilClose;
    private long remaining; // fixed length: bytes left; chunked: bytes left in chunk, or a state
    private boolean keepAlive;
    private int sliceOff;

    Connection(
        SocketTransport owner,
        String key,
        Socket socket,
        DeadlineWatchdog.Guard guard,
        long connectNs,
        long tlsNs)
        throws IOException {
      this.owner = owner;
      this.key = key;
      this.socket = socket;
      this.guard = guard;
      this.connectNs = connectNs;
      this.tlsNs = tlsNs;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    Exchange exchange(byte[] request, long headTimeoutNanos) throws IOException {
      boolean reused = used;
      used = true;
      inUse = true;
      if (reused) {
        connectNs = 0; // set-up is reported by the exchange that waited for it
        tlsNs = 0;
      }
      headers.clear();
      pos = 0;
      lim = 0;
      if (headTimeoutNanos <= 0) {
        throw new SocketTimeoutException("deadline passed");
      }
      guard.arm(headTimeoutNanos); // a server that reads nothing must not hold the write for ever
      try {
        sentNs = owner.ticker.nanos();
        out.write(request);
        out.flush();
      } catch (IOException e) {
        if (guard.disarm()) {
          throw new SocketTimeoutException("the request could not be written in time");
        }
        if (reused) {
          throw new StaleConnectionException(e.getMessage());
        }
        throw e;
      }
      if (guard.disarm()) {
        throw new SocketTimeoutException("the request could not be written in time");
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
    public long sentNanos() {
      return sentNs;
    }

    @Override
    public long connectNanos() {
      return connectNs;
    }

    @Override
    public long tlsNanos() {
      return tlsNs;
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
      guard.arm(timeoutNanos);
      int n;
      try {
        n = in.read(buf, lim, buf.length - lim);
      } finally {
        // a deadline that passed makes the read a timeout, whatever it returned or threw
        if (guard.disarm()) {
          throw new SocketTimeoutException("Read timed out");
        }
      }
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
      guard.release();
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing is best effort
      }
    }
  }
}
