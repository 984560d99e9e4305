package dev.pitwall.sim.bench;

import dev.pitwall.bench.LatenessLine;
import dev.pitwall.time.Ticker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * A raw-NIO streaming load generator (not pitwall's client): holds {@code concurrency} SSE streams
 * open against bench/paced, back to back, for {@code seconds}, and measures how late each token
 * event arrives against the profile (first token at 100 ms, then one every 20 ms), as the absolute
 * difference, since the server may send up to half a millisecond early. No allocation per event
 * beyond the read buffer.
 *
 * <p>Readers race: each of {@code readers} threads has its own selector with every connection
 * registered, and whichever wakes first for a connection claims it, reads and stamps the time; a
 * reader that finds the connection claimed skips it. A single reader stamps an event late whenever
 * its own thread is late to wake, which on a virtual machine whose CPUs stall for milliseconds adds
 * that stall to the server's figure; the earlier of two threads is late far less often.
 *
 * <p>Args: port concurrency seconds [warmupSeconds] [stagger|lockstep] [readers]. Events of the
 * warm-up are not recorded (the JIT is still compiling both sides then). {@code lockstep} (the
 * default) opens every stream in the same instant, and since each stream restarts as soon as it
 * ends they stay in step: every 20 ms, all of them fall due in the same millisecond, the worst
 * burst a server can be handed. {@code stagger} spreads the first requests evenly over one token
 * gap, so events fall due evenly in time, as independent clients' would: that is the steady state
 * the profile describes. {@code readers} defaults to 2 (1 on a single CPU).
 */
public final class StreamLoad {
  private static final long TTFT_NANOS = 100_000_000L;
  private static final long GAP_NANOS = 20_000_000L;
  private static final byte[] TOKEN_MARK =
      "\"finish_reason\":null".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DONE_MARK = "data: [DONE]".getBytes(StandardCharsets.US_ASCII);

  private final Ticker ticker = Ticker.system();
  private final ByteBuffer request;
  private final long measureFrom;
  private final long end;
  private final AtomicInteger open = new AtomicInteger();

  /** One connection's state: where it is in its current stream. Guarded by {@link #claimed}. */
  private static final class Conn {
    final SocketChannel channel;
    final AtomicBoolean claimed = new AtomicBoolean();
    boolean closed;
    long sentNanos;
    long firstNanos;
    int tokens;
    int tokenMatch;
    int doneMatch;

    Conn(SocketChannel channel) {
      this.channel = channel;
    }
  }

  /** What one reader measured; merged at the end. */
  private static final class Tally {
    final Histogram lateness = new Histogram(60_000_000_000L, 3);
    final Histogram ttftLateness = new Histogram(60_000_000_000L, 3);
    final Histogram gapLateness = new Histogram(60_000_000_000L, 3);
    long streams;
    long errors;
    long maxEarly;

    void add(Tally o) {
      lateness.add(o.lateness);
      ttftLateness.add(o.ttftLateness);
      gapLateness.add(o.gapLateness);
      streams += o.streams;
      errors += o.errors;
      maxEarly = Math.max(maxEarly, o.maxEarly);
    }
  }

  private StreamLoad(ByteBuffer request, long measureFrom, long end) {
    this.request = request;
    this.measureFrom = measureFrom;
    this.end = end;
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int concurrency = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    boolean stagger = args.length > 4 && args[4].equals("stagger");
    int readers =
        args.length > 5
            ? Integer.parseInt(args[5])
            : Runtime.getRuntime().availableProcessors() > 1 ? 2 : 1;
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
    long start = Ticker.system().nanos();
    long measureFrom = start + warmup * 1_000_000_000L;
    new StreamLoad(request, measureFrom, measureFrom + seconds * 1_000_000_000L)
        .run(port, concurrency, stagger, readers);
  }

  private void run(int port, int concurrency, boolean stagger, int readerCount)
      throws IOException, InterruptedException {
    Conn[] conns = new Conn[concurrency];
    Selector[] selectors = new Selector[readerCount];
    for (int r = 0; r < readerCount; r++) {
      selectors[r] = Selector.open();
    }
    for (int i = 0; i < concurrency; i++) {
      SocketChannel ch = SocketChannel.open();
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      ch.connect(new InetSocketAddress("127.0.0.1", port));
      ch.configureBlocking(false);
      conns[i] = new Conn(ch);
      for (Selector s : selectors) {
        ch.register(s, SelectionKey.OP_READ, conns[i]);
      }
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
      open.incrementAndGet();
    }
    int maxOpen = open.get();
    List<Tally> tallies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (Selector s : selectors) {
      Tally t = new Tally();
      tallies.add(t);
      Thread th = new Thread(() -> read(s, t), "reader-" + threads.size());
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    Tally all = new Tally();
    tallies.forEach(all::add);
    double elapsed = (ticker.nanos() - measureFrom) / 1e9;
    System.out.printf(
        "streams: %d concurrent, %d completed in %.1f s (%.0f/s), %d broken; %d racing readers%n",
        maxOpen, all.streams, elapsed, all.streams / elapsed, all.errors, readerCount);
    System.out.printf(
        "token events: %d; |arrival - profile| ms: %s%n",
        all.lateness.getTotalCount(), LatenessLine.of(all.lateness));
    System.out.printf(
        "same, against the stream's own first token (first + k x gap): %s%n",
        LatenessLine.of(all.gapLateness));
    System.out.printf(
        "first token |arrival - profile| ms: p50 %.3f  p99 %.3f  max %.3f; earliest event %.3f"
            + " ms early%n",
        all.ttftLateness.getValueAtPercentile(50) / 1e6,
        all.ttftLateness.getValueAtPercentile(99) / 1e6,
        all.ttftLateness.getMaxValue() / 1e6,
        all.maxEarly / 1e6);
  }

  private void read(Selector selector, Tally tally) {
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 16);
    byte[] bytes = new byte[1 << 16];
    try {
      while (open.get() > 0) {
        selector.select(100);
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
          SelectionKey key = it.next();
          it.remove();
          Conn c = (Conn) key.attachment();
          if (!c.claimed.compareAndSet(false, true)) {
            continue; // another reader has it
          }
          try {
            if (!c.closed) {
              readOnce(c, buf, bytes, tally);
            }
          } finally {
            c.claimed.set(false);
          }
        }
      }
      selector.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void readOnce(Conn c, ByteBuffer buf, byte[] bytes, Tally tally) throws IOException {
    buf.clear();
    int n;
    try {
      n = c.channel.read(buf);
    } catch (IOException e) {
      n = -1;
    }
    if (n < 0) {
      tally.errors++;
      close(c);
      return;
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
          (c.tokens == 0 ? tally.ttftLateness : tally.lateness).recordValue(Math.abs(now - due));
          tally.maxEarly = Math.max(tally.maxEarly, due - now);
          if (c.tokens > 0) {
            tally.gapLateness.recordValue(Math.abs(now - c.firstNanos - c.tokens * GAP_NANOS));
          }
        }
        c.tokens++;
      }
      c.doneMatch = b == DONE_MARK[c.doneMatch] ? c.doneMatch + 1 : (b == DONE_MARK[0] ? 1 : 0);
      if (c.doneMatch == DONE_MARK.length) {
        c.doneMatch = 0;
        tally.streams += now >= measureFrom ? 1 : 0;
        c.tokens = 0;
        if (now < end) {
          c.sentNanos = now;
          c.channel.write(request.duplicate());
        } else {
          close(c);
          return;
        }
      }
    }
  }

  private void close(Conn c) throws IOException {
    c.closed = true;
    c.channel.close();
    open.decrementAndGet();
  }
}
