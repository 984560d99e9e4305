package dev.pitwall.runfolder;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.CallSink;
import dev.pitwall.metrics.ProviderNames;
import dev.pitwall.text.Fmt;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes requests.csv: one row per attempt, appended and flushed as each attempt ends, so a crash
 * or Ctrl-C loses nothing already measured. Thread-safe: {@link #accept} may be called from every
 * worker at once (rows are serialised under a lock; a row costs a few µs, far below a call).
 *
 * <p>A disk failure is fatal I/O, not an outcome: {@link #accept} then throws {@link
 * UncheckedIOException}.
 */
public final class RequestsCsvWriter implements CallSink {
  static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setNullString("").get();

  private final CSVPrinter printer;
  private final ProviderNames names;

  private RequestsCsvWriter(CSVPrinter printer, ProviderNames names) {
    this.printer = printer;
    this.names = names;
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
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    CSVPrinter printer =
        FORMAT.builder().setHeader(RequestsColumns.ALL.toArray(String[]::new)).get().print(out);
    printer.flush();
    return new RequestsCsvWriter(printer, names);
  }

  /**
   * A writer of the same rows to nowhere: the primer's ({@link dev.pitwall.runner.Primer}), so the
   * row path is compiled before the first measured call.
   */
  public static RequestsCsvWriter discarding(ProviderNames names) {
    try {
      // buffered and encoded as the file's writer is, so the same code is warmed
      Writer out =
          new BufferedWriter(
              new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
      return new RequestsCsvWriter(FORMAT.print(out), names);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a null writer does not fail
    }
  }

  @Override
  public void accept(CallRecord record) {
    List<Object> row = toRow(record, names);
    synchronized (this) {
      try {
        printer.printRecord(row);
        printer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to requests.csv", e);
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    printer.close(true);
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
