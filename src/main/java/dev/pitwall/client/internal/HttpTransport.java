package dev.pitwall.client.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The HTTP/1.1 exchange the client needs, and nothing more: send one request, get the status and
 * headers, then pull the body as slices of the transport's own buffer. Two implementations exist so
 * the choice can be measured (docs/client.md, Transport): {@link SocketTransport} (the default) and
 * {@code JdkTransport} (src/bench, for scripts/bench-client.sh).
 *
 * <p>Implementations are thread-safe; an {@link Exchange} belongs to one thread.
 */
public interface HttpTransport extends AutoCloseable {

  /** One request. Header names as they go on the wire; {@code body} may be null. */
  record Request(String method, URI uri, Map<String, String> headers, byte[] body) {}

  /**
   * Sends a request and reads the response head.
   *
   * @param connectTimeoutNanos for the TCP (and TLS) connect
   * @param headTimeoutNanos from the send until the status line and headers have arrived
   * @throws java.net.http.HttpConnectTimeoutException when the connect timed out
   * @throws java.net.SocketTimeoutException when the head did not come in time
   * @throws IOException for any other failure before a response head was read
   */
  Exchange send(Request request, long connectTimeoutNanos, long headTimeoutNanos)
      throws IOException;

  /** Closes every pooled and in-flight connection; in-flight reads fail. */
  @Override
  void close();

  /** {@link Exchange#sentNanos} of a transport that cannot tell when its request went out. */
  long UNSTAMPED = Long.MIN_VALUE;

  /** A response being read. */
  interface Exchange extends AutoCloseable {
    int status();

    /**
     * When the request went out, on the client's ticker, after any connect, tunnel and handshake
     * (on a retry after a stale pooled connection: the retry's); {@link #UNSTAMPED} when unknown.
     */
    default long sentNanos() {
      return UNSTAMPED;
    }

    /** The TCP connect (and proxy tunnel) this exchange waited for; 0 on a reused connection. */
    default long connectNanos() {
      return 0;
    }

    /** The TLS handshake this exchange waited for; 0 on a reused or plain connection. */
    default long tlsNanos() {
      return 0;
    }

    /** A header value by lower-case name, or null. */
    String header(String lowerCaseName);

    /**
     * Waits up to {@code timeoutNanos} for the next piece of body.
     *
     * @return the number of bytes now at {@link #array()}[{@link #offset()}...], valid until the
     *     next call; -1 at the end of the body
     * @throws java.net.SocketTimeoutException when nothing came in time
     */
    int next(long timeoutNanos) throws IOException;

    byte[] array();

    int offset();

    /**
     * Releases the exchange: a fully read keep-alive response returns its connection to the pool,
     * anything else closes it.
     */
    @Override
    void close();
  }
}
