package dev.pitwall.runfolder;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.CallSink;
import dev.pitwall.metrics.ProviderNames;
import dev.pitwall.text.Fmt;
import dev.pitwall.time.Ticker;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes requests.csv: one row per attempt, appended as each attempt ends. A row reaches the file
 * (the OS, so a crash of the JVM keeps it) within {@link #FLUSH_WITHIN_NANOS} of being accepted: at
 * once when the last flush is older than that (one call at a time, the usual case), otherwise by a
 * flush at most that much later, so thousands of rows a second cost tens of writes, not thousands.
 * A crash or a kill -9 loses at most the rows of the last {@value #FLUSH_WITHIN_MS} ms; Ctrl-C ends
 * the run normally and {@link #close} writes everything.
 *
 * <p>Thread-safe, and no caller ever waits for another: {@link #accept} may be called from every
 * worker at once. An attempt is queued; whichever thread holds the file formats and appends every
 * queued row before letting go, and a thread that finds the file held leaves its row to the holder
 * (the lock is only ever tried). So rows are formatted by one thread at a time, as they were when
 * every worker waited on one lock, without the waiting: with 64 workers on two cores, the holder
 * was often descheduled while the others parked and woke in turn behind it.
 *
 * <p>A disk failure is fatal I/O, not an outcome: {@link #accept} then throws {@link
 * UncheckedIOException} (a failure met while appending or flushing for another thread is thrown by
 * the next accept or by close).
 */
public final class RequestsCsvWriter implements CallSink {
  static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setNullString("").get();

  static final long FLUSH_WITHIN_MS = 20;

  /** The most a row waits in the buffer before it is written to the file. */
  static final long FLUSH_WITHIN_NANOS = FLUSH_WITHIN_MS * 1_000_000;

  /** A row is about 500 characters: a builder of this size per row never regrows. */
  private static final int ROW_CHARS = 1024;

  private static final int BUFFER_BYTES = 64 * 1024;

  private final OutputStream out;

  /**
   * The writer's own copy of the format: {@link CSVFormat#print(Object, Appendable, boolean)} is
   * synchronized on the format, and a shared one would be a monitor between writers.
   */
  private final CSVFormat format = FORMAT.builder().get();

  private final ProviderNames names;
  private final Ticker ticker;
  private final Later later;
  private final Queue<CallRecord> queued = new ConcurrentLinkedQueue<>();
  private final ReentrantLock file = new ReentrantLock();
  // guarded by file
  private long lastFlushNs;
  private boolean flushPending;
  private boolean closed;
  private volatile IOException deferredFailure;
  private ScheduledExecutorService flusher;

  /** Runs a task after a delay: a daemon thread's timer, or a test's hand. */
  @FunctionalInterface
  interface Later {
    void run(Runnable task, long delayNanos);
  }

  private RequestsCsvWriter(OutputStream out, ProviderNames names, Ticker ticker, Later later) {
    this.out = out;
    this.names = names;
    this.ticker = ticker;
    this.later =
        later != null
            ? later
            : (task, delay) -> flusher().schedule(task, delay, TimeUnit.NANOSECONDS);
    this.lastFlushNs = ticker.nanos() - FLUSH_WITHIN_NANOS; // the first row is written at once
  }

  /** Creates (or truncates) the file and writes the header line. */
  public static RequestsCsvWriter open(Path file) throws IOException {
    return open(file, ProviderNames.NONE);
  }

  /**
   * As {@link #open(Path)}; the {@code fallback} column matches each row's requested slug with the
   * provider that served it by {@code names}, from endpoint data.
   */
  public static RequestsCsvWriter open(Path file, ProviderNames names) throws IOException {
    return open(file, names, Ticker.system(), null);
  }

  /**
   * As {@link #open(Path, ProviderNames)}, deciding when to flush by {@code ticker}; deferred
   * flushes run by {@code later} (null: a daemon thread of the writer's own).
   */
  static RequestsCsvWriter open(Path file, ProviderNames names, Ticker ticker, Later later)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES);
    out.write(bytes(FORMAT, RequestsColumns.ALL));
    out.flush();
    return new RequestsCsvWriter(out, names, ticker, later);
  }

  /**
   * A writer of the same rows to nowhere: the primer's ({@link dev.pitwall.runner.Primer}), so the
   * row path is compiled before the first measured call.
   */
  public static RequestsCsvWriter discarding(ProviderNames names) {
    // buffered as the file's writer is, so the same code is warmed
    return new RequestsCsvWriter(
        new BufferedOutputStream(OutputStream.nullOutputStream(), BUFFER_BYTES),
        names,
        Ticker.system(),
        null);
  }

  @Override
  public void accept(CallRecord record) {
    throwDeferred();
    queued.add(record);
    // The holder may have let go after its last look at the queue and before this row came:
    // whoever takes the file next appends it, and when nobody holds it that is this thread.
    while (!queued.isEmpty() && file.tryLock()) {
      try {
        appendQueued();
        long now = ticker.nanos();
        if (now - lastFlushNs >= FLUSH_WITHIN_NANOS) {
          out.flush();
          lastFlushNs = now;
        } else if (!flushPending) {
          flushPending = true;
          later.run(this::deferredFlush, FLUSH_WITHIN_NANOS);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to requests.csv", e);
      } finally {
        file.unlock();
      }
    }
  }

  /** Appends every queued row to the buffer; the file's lock is held. */
  private void appendQueued() throws IOException {
    if (closed) {
      throw new IOException("requests.csv is closed");
    }
    for (CallRecord row = queued.poll(); row != null; row = queued.poll()) {
      out.write(bytes(format, toRow(row, names)));
    }
  }

  /** The rows written since the last flush, a flush window after the first of them. */
  private void deferredFlush() {
    file.lock();
    try {
      flushPending = false;
      if (closed) {
        return;
      }
      appendQueued();
      out.flush();
      lastFlushNs = ticker.nanos();
    } catch (IOException e) {
      deferredFailure = e;
    } finally {
      file.unlock();
    }
  }

  private void throwDeferred() {
    IOException e = deferredFailure;
    if (e != null) {
      deferredFailure = null;
      throw new UncheckedIOException("cannot append to requests.csv", e);
    }
  }

  /** One daemon thread, made when rows first come faster than the window. */
  private synchronized ScheduledExecutorService flusher() {
    if (flusher == null) {
      flusher =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "pitwall-requests-flush");
                t.setDaemon(true);
                return t;
              });
    }
    return flusher;
  }

  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (flusher != null) {
        flusher.shutdownNow();
      }
    }
    file.lock();
    try {
      if (closed) {
        return;
      }
      appendQueued();
      closed = true;
      out.close();
    } finally {
      file.unlock();
    }
    IOException e = deferredFailure;
    if (e != null) {
      deferredFailure = null;
      throw e;
    }
  }

  /** A row's CSV line in UTF-8. */
  private static byte[] bytes(CSVFormat format, List<?> row) {
    return line(format, row).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The CSV line of a row, exactly as {@link CSVPrinter#printRecord} writes it (same format, same
   * quoting).
   */
  private static String line(CSVFormat format, List<?> row) {
    StringBuilder sb = new StringBuilder(ROW_CHARS);
    try {
      for (int i = 0; i < row.size(); i++) {
        format.print(row.get(i), sb, i == 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return sb.append(format.getRecordSeparator()).toString();
  }

  /** The row of one attempt, in {@link RequestsColumns#ALL} order; null is an empty cell. */
  static List<Object> toRow(CallRecord r, ProviderNames names) {
    List<Object> row = new ArrayList<>(RequestsColumns.ALL.size());
    row.add(r.callId());
    row.add(r.attempt());
    row.add(r.iteration());
    row.add(r.phase().name());
    row.add(r.cellId());
    row.add(r.promptId());
    row.add(r.model());
    row.add(r.requestedProvider());
    row.add(r.servedProvider());
    row.add(r.servedModel());
    row.add(r.fallback(names));
    row.add(r.generationId());
    row.add(r.outcome().name());
    row.add(r.httpStatus() > 0 ? r.httpStatus() : null);
    row.add(r.errorCode());
    row.add(oneLine(r.errorMessage()));
    row.add(Instant.ofEpochMilli(r.wallStartEpochMs()).toString());
    row.add(stamp(r.tSchedNs()));
    row.add(stamp(r.tCallSchedNs()));
    row.add(stamp(r.tSendNs()));
    row.add(stamp(r.tFirstNs()));
    row.add(stamp(r.tAnswerNs()));
    row.add(stamp(r.tLastNs()));
    row.add(stamp(r.tDoneNs()));
    row.add(duration(r.ttftNs()));
    row.add(duration(r.ttfaNs()));
    row.add(duration(r.e2eNs()));
    row.add(r.outcome().isSuccess() ? duration(r.callE2eNs()) : null);
    row.add(duration(r.tpotNs()));
    row.add(emptyIfUndefined(Fmt.fixed(r.outputTokensPerSecond(), 3)));
    row.add(duration(r.dispatchDelayNs()));
    row.add(count(r.tokenEvents()));
    row.add(count(r.promptTokens()));
    row.add(count(r.completionTokens()));
    row.add(count(r.reasoningTokens()));
    row.add(count(r.cachedTokens()));
    row.add(r.tokenSource().name());
    row.add(Fmt.money(r.costUsd()));
    row.add(r.nonce());
    row.add(Fmt.exactMs(r.connectNs()));
    row.add(Fmt.exactMs(r.tlsNs()));
    row.add(r.byok());
    row.add(r.genLatencyMs() == null ? null : Fmt.fixed(r.genLatencyMs(), 1));
    row.add(r.genTimeMs() == null ? null : Fmt.fixed(r.genTimeMs(), 1));
    return row;
  }

  private static String stamp(long ns) {
    return ns == CallRecord.NONE ? null : Fmt.exactMs(ns);
  }

  private static String duration(long ns) {
    return ns == CallRecord.NONE ? null : Fmt.fixedMs(ns);
  }

  private static Integer count(int n) {
    return n < 0 ? null : n;
  }

  private static String emptyIfUndefined(String s) {
    return s.isEmpty() ? null : s;
  }

  /** Keeps one attempt on one line, so line numbers in warnings and `grep` stay meaningful. */
  private static String oneLine(String s) {
    return s == null ? null : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }
}
