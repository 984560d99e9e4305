package dev.pitwall.sim.bench;

import dev.pitwall.bench.LatenessLine;
import dev.pitwall.time.Ticker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.HdrHistogram.Histogram;

/**
 * A raw-NIO streaming load generator (not pitwall's client): holds {@code concurrency} SSE streams
 * open against bench/paced, back to back, for {@code seconds}, and measures how late each token
 * event arrives against the profile (first token at 100 ms, then one every 20 ms), as the absolute
 * difference, since the server may send up to half a millisecond early. One thread, no allocation
 * per event beyond the read buffer.
 *
 * <p>Args: port concurrency seconds [warmupSeconds] [stagger|lockstep]. Events of the warm-up are
 * not recorded (the JIT is still compiling both sides then). {@code lockstep} (the default) opens
 * every stream in the same instant, and since each stream restarts as soon as it ends they stay in
 * step: every 20 ms, all of them fall due in the same millisecond, the worst burst a server can be
 * handed. {@code stagger} spreads the first requests evenly over one token gap, so events fall due
 * evenly in time, as independent clients' would: that is the steady state the profile describes.
 */
public final class StreamLoad {
  private static final long TTFT_NANOS = 100_000_000L;
  private static final long GAP_NANOS = 20_000_000L;
  private static final byte[] TOKEN_MARK =
      "\"finish_reason\":null".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DONE_MARK = "data: [DONE]".getBytes(StandardCharsets.US_ASCII);

  private StreamLoad() {}

  /** One connection's state: where it is in its current stream. */
  private static final class Conn {
    final SocketChannel channel;
    long sentNanos;
    long firstNanos;
    int tokens;
    int tokenMatch;
    int doneMatch;

    Conn(SocketChannel channel) {
      this.channel = channel;
    }
  }

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    int concurrency = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    boolean stagger = args.length > 4 && args[4].equals("stagger");
    Ticker ticker = Ticker.system();
    byte[] body =
        "{\"model\":\"bench/paced\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}"
            .getBytes(StandardCharsets.US_ASCII);
    ByteBuffer request =
        ByteBuffer.wrap(
            ("POST /api/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: "
                    + body.length
                    + "\r\n\r\n"
                    + new String(body, StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII));
    Histogram lateness = new Histogram(60_000_000_000L, 3);
    Histogram ttftLateness = new Histogram(60_000_000_000L, 3);
    Histogram gapLateness = new Histogram(60_000_000_000L, 3);
    Selector selector = Selector.open();
    long start = ticker.nanos();
    long measureFrom = start + warmup * 1_000_000_000L;
    long end = measureFrom + seconds * 1_000_000_000L;
    int open = 0;
    long streams = 0;
    long errors = 0;
    int maxOpen = 0;
    long maxEarly = 0;
    Conn[] conns = new Conn[concurrency];
    for (int i = 0; i < concurrency; i++) {
      SocketChannel ch = SocketChannel.open();
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      ch.connect(new InetSocketAddress("127.0.0.1", port));
      ch.configureBlocking(false);
      conns[i] = new Conn(ch);
      ch.register(selector, SelectionKey.OP_READ, conns[i]);
    }
    // Stream i starts i/concurrency of a token gap after stream 0, so token events fall due evenly
    // over each 20 ms instead of all in one millisecond (see the class comment).
    long firstSend = ticker.nanos();
    for (int i = 0; i < concurrency; i++) {
      long at = firstSend + (stagger ? i * GAP_NANOS / concurrency : 0);
      while (ticker.nanos() < at) {
        Thread.onSpinWait();
      }
      conns[i].sentNanos = ticker.nanos();
      conns[i].channel.write(request.duplicate());
      open++;
    }
    maxOpen = open;
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 16);
    byte[] bytes = new byte[1 << 16];
    while (open > 0) {
      selector.select(1000);
      Iterator<SelectionKey> it = selector.selectedKeys().iterator();
      while (it.hasNext()) {
        SelectionKey key = it.next();
        it.remove();
        Conn c = (Conn) key.attachment();
        buf.clear();
        int n;
        try {
          n = c.channel.read(buf);
        } catch (IOException e) {
          n = -1;
        }
        if (n < 0) {
          errors++;
          key.cancel();
          c.channel.close();
          open--;
          continue;
        }
        // Stamped per read, not per select: under load, walking the ready keys takes a while.
        long now = ticker.nanos();
        buf.flip();
        buf.get(bytes, 0, n);
        for (int i = 0; i < n; i++) {
          byte b = bytes[i];
          c.tokenMatch =
              b == TOKEN_MARK[c.tokenMatch] ? c.tokenMatch + 1 : (b == TOKEN_MARK[0] ? 1 : 0);
          if (c.tokenMatch == TOKEN_MARK.length) {
            c.tokenMatch = 0;
            long due = c.sentNanos + TTFT_NANOS + c.tokens * GAP_NANOS;
            if (c.tokens == 0) {
              c.firstNanos = now;
            }
            if (now >= measureFrom) {
              (c.tokens == 0 ? ttftLateness : lateness).recordValue(Math.abs(now - due));
              maxEarly = Math.max(maxEarly, due - now);
              if (c.tokens > 0) {
                gapLateness.recordValue(Math.abs(now - c.firstNanos - c.tokens * GAP_NANOS));
              }
            }
            c.tokens++;
          }
          c.doneMatch = b == DONE_MARK[c.doneMatch] ? c.doneMatch + 1 : (b == DONE_MARK[0] ? 1 : 0);
          if (c.doneMatch == DONE_MARK.length) {
            c.doneMatch = 0;
            streams += now >= measureFrom ? 1 : 0;
            c.tokens = 0;
            if (now < end) {
              c.sentNanos = now;
              c.channel.write(request.duplicate());
            } else {
              key.cancel();
              c.channel.close();
              open--;
            }
          }
        }
      }
    }
    double elapsed = (ticker.nanos() - measureFrom) / 1e9;
    System.out.printf(
        "streams: %d concurrent, %d completed in %.1f s (%.0f/s), %d broken%n",
        maxOpen, streams, elapsed, streams / elapsed, errors);
    System.out.printf(
        "token events: %d; |arrival - profile| ms: %s%n",
        lateness.getTotalCount(), LatenessLine.of(lateness));
    System.out.printf(
        "same, against the stream's own first token (first + k x gap): %s%n",
        LatenessLine.of(gapLateness));
    System.out.printf(
        "first token |arrival - profile| ms: p50 %.3f  p99 %.3f  max %.3f; earliest event %.3f"
            + " ms early%n",
        ttftLateness.getValueAtPercentile(50) / 1e6,
        ttftLateness.getValueAtPercentile(99) / 1e6,
        ttftLateness.getMaxValue() / 1e6,
        maxEarly / 1e6);
  }
}
