package dev.pitwall.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code simulate --truth-log FILE}: one CSV line per call with the times the server wrote its
 * first and last token, so a benchmark can hold each client's measured TTFT and E2E against what
 * the server actually did. The event loop only enqueues a small record; a daemon thread writes and
 * flushes lines, so logging adds no file I/O to the timed path.
 *
 * <p>Columns: {@code generation_id, arrival_ns, first_token_ns, last_token_ns, end_ns} (ticker
 * nanoseconds), then {@code server_ttft_ms} and {@code server_e2e_ms} (first and last token after
 * arrival; empty without tokens).
 */
public final class TruthLog implements CallTimings, AutoCloseable {
  private record Line(String id, long arrival, long first, long last, long end) {}

  private static final Line STOP = new Line("", 0, 0, 0, 0);

  private final BlockingQueue<Line> queue = new LinkedBlockingQueue<>();
  private final BufferedWriter out;
  private final Thread writer;
  private volatile IOException failure;

  private TruthLog(BufferedWriter out) {
    this.out = out;
    this.writer = new Thread(this::drain, "pitwall-sim-truth-log");
    writer.setDaemon(true);
  }

  /** Creates (or truncates) {@code file}, writes its header and starts the writer thread. */
  public static TruthLog open(Path file) throws IOException {
    BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    out.write(
        "generation_id,arrival_ns,first_token_ns,last_token_ns,end_ns,server_ttft_ms,server_e2e_ms\n");
    out.flush();
    TruthLog log = new TruthLog(out);
    log.writer.start();
    return log;
  }

  @Override
  public void callEnded(
      String generationId,
      long arrivalNanos,
      long firstTokenNanos,
      long lastTokenNanos,
      long endNanos) {
    queue.add(new Line(generationId, arrivalNanos, firstTokenNanos, lastTokenNanos, endNanos));
  }

  private void drain() {
    List<Line> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(queue.take());
        queue.drainTo(batch);
        for (Line l : batch) {
          if (l == STOP) {
            out.flush();
            return;
          }
          out.write(format(l));
        }
        batch.clear();
        out.flush();
      }
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String format(Line l) {
    return l.id()
        + ','
        + l.arrival()
        + ','
        + l.first()
        + ','
        + l.last()
        + ','
        + l.end()
        + ','
        + millisAfter(l.first(), l.arrival())
        + ','
        + millisAfter(l.last(), l.arrival())
        + '\n';
  }

  private static String millisAfter(long stamp, long arrival) {
    return stamp < 0 ? "" : String.format(java.util.Locale.ROOT, "%.6f", (stamp - arrival) / 1e6);
  }

  /** Writes what is queued, then closes the file. */
  @Override
  public void close() throws IOException {
    queue.add(STOP);
    try {
      writer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.close();
    if (failure != null) {
      throw failure;
    }
  }
}
