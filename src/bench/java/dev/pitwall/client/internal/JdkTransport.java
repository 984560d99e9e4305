package dev.pitwall.client.internal;

import dev.pitwall.client.ClientConfig;
import dev.pitwall.client.LlmClient;
import dev.pitwall.time.Ticker;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link HttpTransport} on the JDK {@link HttpClient}, pinned to HTTP/1.1 (otherwise it offers an
 * {@code h2c} upgrade on plain http). The body arrives through a {@link Flow.Subscriber} into a
 * queue that {@link Exchange#next} polls with the read timeout. Kept as the measured alternative to
 * {@link SocketTransport}; see the client package notes for the figures. A benchmark's class (in
 * src/bench, out of the product jar): {@code scripts/bench-client.sh} measures it.
 */
public final class JdkTransport implements HttpTransport {
  /** The product's client ({@code LlmClients.http}, no catalog) on this transport. */
  public static LlmClient client(ClientConfig config, Ticker ticker) {
    return new HttpLlmClient(config, new JdkTransport(), ticker, Clock.systemUTC(), model -> null);
  }

  private final Map<Long, HttpClient> clients = new ConcurrentHashMap<>();

  private HttpClient client(long connectTimeoutNanos) {
    long ms = Math.max(1, connectTimeoutNanos / 1_000_000);
    return clients.computeIfAbsent(
        ms,
        k ->
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(k))
                .build());
  }

  @Override
  public Exchange send(Request request, long connectTimeoutNanos, long headTimeoutNanos)
      throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(request.uri())
            .timeout(Duration.ofNanos(Math.max(1, headTimeoutNanos)));
    request
        .headers()
        .forEach(
            (k, v) -> {
              if (!k.equalsIgnoreCase("Content-Length") && !k.equalsIgnoreCase("Host")) {
                b.header(k, v);
              }
            });
    b.method(
        request.method(),
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    QueueSubscriber sub = new QueueSubscriber();
    HttpResponse<Void> response;
    try {
      response =
          client(connectTimeoutNanos)
              .send(b.build(), HttpResponse.BodyHandlers.fromSubscriber(sub));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new JdkExchange(response, sub);
  }

  @Override
  public void close() {
    clients.clear(); // Java 17's HttpClient has no close(); its threads end when unreferenced
  }

  private static final Object END = new Object();

  private static final class QueueSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
      queue.add(t);
    }

    @Override
    public void onComplete() {
      queue.add(END);
    }
  }

  private static final class JdkExchange implements Exchange {
    private final HttpResponse<Void> response;
    private final QueueSubscriber sub;
    private Iterator<ByteBuffer> current;
    private byte[] array;
    private int offset;
    private boolean ended;
    private byte[] copy = new byte[0];

    JdkExchange(HttpResponse<Void> response, QueueSubscriber sub) {
      this.response = response;
      this.sub = sub;
    }

    @Override
    public int status() {
      return response.statusCode();
    }

    @Override
    public String header(String lowerCaseName) {
      return response.headers().firstValue(lowerCaseName).orElse(null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public int next(long timeoutNanos) throws IOException {
      while (true) {
        if (ended) {
          return -1;
        }
        if (current != null && current.hasNext()) {
          ByteBuffer bb = current.next();
          int n = bb.remaining();
          if (n == 0) {
            continue;
          }
          if (bb.hasArray()) {
            array = bb.array();
            offset = bb.arrayOffset() + bb.position();
          } else {
            if (copy.length < n) {
              copy = new byte[Math.max(n, 16 * 1024)];
            }
            bb.get(copy, 0, n);
            array = copy;
            offset = 0;
          }
          return n;
        }
        Object o;
        try {
          o = sub.queue.poll(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
        if (o == null) {
          throw new HttpTimeoutException("read timed out");
        } else if (o == END) {
          ended = true;
        } else if (o instanceof Throwable t) {
          throw t instanceof IOException io ? io : new IOException(t);
        } else {
          current = ((List<ByteBuffer>) o).iterator();
        }
      }
    }

    @Override
    public byte[] array() {
      return array;
    }

    @Override
    public int offset() {
      return offset;
    }

    @Override
    public void close() {
      Flow.Subscription s = sub.subscription;
      if (!ended && s != null) {
        s.cancel();
      }
    }
  }
}
