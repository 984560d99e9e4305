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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.csv.CSVFormat;

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
  private long isoSecond;
  private String isoPrefix;
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
    out.write(headerBytes());
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
    appendWhileQueued();
  }

  /**
   * Appends the queued rows unless another thread holds the file. The holder may have let go after
   * its last look at the queue and before a row came: whoever takes the file next appends it, and
   * when nobody holds it that is this thread.
   */
  private void appendWhileQueued() {
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
      out.write(rowBytes(row));
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
      return;
    } finally {
      file.unlock();
    }
    // a row left to this flush after its look at the queue has no other thread to write it
    try {
      appendWhileQueued();
    } catch (UncheckedIOException e) {
      deferredFailure = e.getCause();
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

  /** The header's CSV line in UTF-8. */
  private static byte[] headerBytes() {
    Row row = new Row(FORMAT);
    for (String column : RequestsColumns.ALL) {
      row.text(column);
    }
    return row.bytes();
  }

  /**
   * One attempt's CSV line in UTF-8, in {@link RequestsColumns#ALL} order; an absent value is an
   * empty cell. Under the file's lock: the writer's format and second are its own.
   */
  private byte[] rowBytes(CallRecord r) {
    Row row = new Row(format);
    row.number(r.callId());
    row.number(r.attempt());
    row.number(r.iteration());
    row.text(r.phase().name());
    row.text(r.cellId());
    row.text(r.promptId());
    row.text(r.model());
    row.text(r.requestedProvider());
    row.text(r.servedProvider());
    row.text(r.servedModel());
    row.text(r.fallback(names));
    row.text(r.generationId());
    row.text(r.outcome().name());
    row.count(r.httpStatus() > 0 ? r.httpStatus() : -1);
    row.text(r.errorCode());
    row.text(oneLine(r.errorMessage()));
    row.number(isoUtc(r.wallStartEpochMs()));
    row.stamp(r.tSchedNs());
    row.stamp(r.tCallSchedNs());
    row.stamp(r.tSendNs());
    row.stamp(r.tFirstNs());
    row.stamp(r.tAnswerNs());
    row.stamp(r.tLastNs());
    row.stamp(r.tDoneNs());
    row.duration(r.ttftNs());
    row.duration(r.ttfaNs());
    row.duration(r.e2eNs());
    row.duration(r.outcome().isSuccess() ? r.callE2eNs() : CallRecord.NONE);
    row.duration(r.tpotNs());
    row.number(Fmt.fixed(r.outputTokensPerSecond(), 3));
    row.duration(r.dispatchDelayNs());
    row.count(r.tokenEvents());
    row.count(r.promptTokens());
    row.count(r.completionTokens());
    row.count(r.reasoningTokens());
    row.count(r.cachedTokens());
    row.text(r.tokenSource().name());
    row.number(Fmt.money(r.costUsd()));
    row.text(r.nonce());
    row.exactMs(r.connectNs());
    row.exactMs(r.tlsNs());
    row.text(r.byok());
    row.number(r.genLatencyMs() == null ? "" : Fmt.fixed(r.genLatencyMs(), 1));
    row.number(r.genTimeMs() == null ? "" : Fmt.fixed(r.genTimeMs(), 1));
    return row.bytes();
  }

  /**
   * The wall-clock start as {@link Instant#toString} writes it (ISO-8601, UTC), the date and time
   * of day made once a second instead of for each row: Instant's formatter was a third of a row's
   * cost.
   */
  private String isoUtc(long epochMs) {
    long second = Math.floorDiv(epochMs, 1000);
    int ms = Math.floorMod(epochMs, 1000);
    if (second != isoSecond || isoPrefix == null) {
      String whole = Instant.ofEpochSecond(second).toString(); // ...THH:MM:SSZ
      isoPrefix = whole.substring(0, whole.length() - 1);
      isoSecond = second;
    }
    if (ms == 0) {
      return isoPrefix + "Z";
    }
    return isoPrefix + (ms < 10 ? ".00" : ms < 100 ? ".0" : ".") + ms + "Z";
  }

  /**
   * A CSV line built cell by cell in one builder. Text goes through the format, which quotes what
   * needs it; numbers (digits, a sign, a point) never need quotes and are appended as they are.
   */
  private static final class Row {
    /** A row is about 500 characters: a builder of this size never regrows. */
    private static final int CHARS = 1024;

    private final CSVFormat format;
    private final StringBuilder sb = new StringBuilder(CHARS);
    private boolean first = true;

    Row(CSVFormat format) {
      this.format = format;
    }

    /** Any value, quoted as the format says; null is an empty cell. */
    void text(Object value) {
      try {
        format.print(value, sb, first);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a StringBuilder does not fail
      }
      first = false;
    }

    void number(long n) {
      next().append(n);
    }

    /** The text of a number, or "" for an empty cell. */
    void number(String digits) {
      next().append(digits);
    }

    /** A count, or an empty cell when negative (unknown). */
    void count(long n) {
      StringBuilder cell = next();
      if (n >= 0) {
        cell.append(n);
      }
    }

    /** A time stamp in ms with 6 decimals, or an empty cell when absent. */
    void stamp(long ns) {
      StringBuilder cell = next();
      if (ns != CallRecord.NONE) {
        Fmt.appendExactMs(cell, ns);
      }
    }

    /** A duration in ms with 3 decimals, or an empty cell when absent. */
    void duration(long ns) {
      StringBuilder cell = next();
      if (ns != CallRecord.NONE) {
        Fmt.appendFixedMs(cell, ns);
      }
    }

    /** Nanoseconds in ms with 6 decimals, whatever the value. */
    void exactMs(long ns) {
      Fmt.appendExactMs(next(), ns);
    }

    private StringBuilder next() {
      if (!first) {
        sb.append(format.getDelimiterString());
      }
      first = false;
      return sb;
    }

    byte[] bytes() {
      return sb.append(format.getRecordSeparator()).toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Keeps one attempt on one line, so line numbers in warnings and `grep` stay meaningful. */
  private static String oneLine(String s) {
    return s == null ? null : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }
}
