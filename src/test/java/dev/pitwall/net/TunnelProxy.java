package dev.pitwall.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP {@code CONNECT} proxy on 127.0.0.1 for tests: it opens a tunnel to whatever host and
 * port a client asks for (only loopback ones are ever asked), after checking the {@code
 * Proxy-Authorization} it was told to expect, or answers every request with a refusal status. It
 * records what it was asked, so a test can see that the tunnel was used and what was sent.
 */
public final class TunnelProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String expectedAuthorization;
  private final int refuseWith;
  private final List<String> requestHeads = new CopyOnWriteArrayList<>();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private TunnelProxy(String expectedAuthorization, int refuseWith) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.expectedAuthorization = expectedAuthorization;
    this.refuseWith = refuseWith;
    Thread t = new Thread(this::acceptLoop, "tunnel-proxy");
    t.setDaemon(true);
    t.start();
  }

  /** Tunnels every CONNECT; with a non-null value, only those carrying it (else 407). */
  public static TunnelProxy open(String expectedAuthorization) throws IOException {
    return new TunnelProxy(expectedAuthorization, 0);
  }

  /** Refuses every CONNECT with this status (403, 407, 502...). */
  public static TunnelProxy refusing(int status) throws IOException {
    return new TunnelProxy(null, status);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The request heads received, CONNECT line and headers, in order. */
  public List<String> requestHeads() {
    return requestHeads;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        sockets.add(s);
        Thread t = new Thread(() -> serve(s), "tunnel-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          client.close();
          return;
        }
        head.append((char) b);
      }
      requestHeads.add(head.toString());
      String[] first = head.substring(0, head.indexOf("\r\n")).split(" ");
      int status = refuseWith;
      if (status == 0 && expectedAuthorization != null && !has(head, expectedAuthorization)) {
        status = 407;
      }
      if (status == 0 && !first[0].equals("CONNECT")) {
        status = 405;
      }
      if (status != 0) {
        out.write(
            ("HTTP/1.1 "
                    + status
                    + " Refused\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        client.close();
        return;
      }
      String[] hostPort = first[1].split(":(?=[0-9]+$)");
      String host = hostPort[0].replace("[", "").replace("]", "");
      Socket upstream = new Socket(host, Integer.parseInt(hostPort[1]));
      sockets.add(upstream);
      upstream.setTcpNoDelay(true);
      client.setTcpNoDelay(true);
      out.write(
          "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Thread back = new Thread(() -> pipe(upstream, client), "tunnel-proxy-back");
      back.setDaemon(true);
      back.start();
      pipe(client, upstream);
    } catch (IOException e) {
      close(client);
    }
  }

  private static boolean has(CharSequence head, String authorization) {
    for (String line : head.toString().split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("proxy-authorization")
          && line.substring(colon + 1).strip().equals(authorization)) {
        return true;
      }
    }
    return false;
  }

  private static void pipe(Socket from, Socket to) {
    byte[] buf = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away: close both
    }
    close(from);
    close(to);
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // best effort
    }
  }

  @Override
  public void close() {
    closed = true;
    close(server);
    sockets.forEach(TunnelProxy::close);
  }

  private static void close(ServerSocket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // best effort
    }
  }
}
