package dev.pitwall.runfolder;

import static dev.pitwall.runfolder.RequestsColumns.*;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.Phase;
import dev.pitwall.metrics.TokenSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads requests.csv back into {@link CallRecord}s. A bad row (hand-edited, truncated by a crash)
 * becomes a warning naming its line and the reason, and reading goes on with the next row; a broken
 * quote that makes the rest unreadable ends reading with a warning. Only a missing header column is
 * an error, since then no row can be rebuilt.
 */
public final class RequestsCsvReader {
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

  /** The rows read and one warning per line that could not be used. */
  public record Result(List<CallRecord> records, List<String> warnings) {
    public Result {
      records = List.copyOf(records);
      warnings = List.copyOf(warnings);
    }
  }

  private RequestsCsvReader() {}

  public static Result read(Path file) throws IOException {
    List<CallRecord> records = new ArrayList<>();
    List<String> warnings = forEach(file, records::add);
    return new Result(records, warnings);
  }

  /**
   * Streams the rows of requests.csv to {@code sink} in file order, holding none of them: how a
   * report of a million calls is built in bounded memory.
   *
   * @return one warning per line that could not be used
   */
  public static List<String> forEach(Path file, Consumer<CallRecord> sink) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      skipByteOrderMark(in);
      return forEach(in, file.getFileName().toString(), sink);
    }
  }

  static Result read(Reader in, String name) throws IOException {
    List<CallRecord> records = new ArrayList<>();
    List<String> warnings = forEach(in, name, records::add);
    return new Result(records, warnings);
  }

  private static List<String> forEach(Reader in, String name, Consumer<CallRecord> sink)
      throws IOException {
    List<String> warnings = new ArrayList<>();
    try (CSVParser parser = FORMAT.parse(in)) {
      List<String> missing = new ArrayList<>(REQUIRED);
      missing.removeAll(parser.getHeaderNames());
      if (!missing.isEmpty()) {
        throw new IOException(
            name
                + " line 1: the header lacks "
                + String.join(", ", missing)
                + "; is this a pitwall requests.csv? Expected the header "
                + String.join(",", ALL));
      }
      CsvRows.read(parser, name, warnings, row -> sink.accept(toRecord(row)));
    }
    return warnings;
  }

  static CallRecord toRecord(CSVRecord row) {
    if (!row.isConsistent()) {
      throw new IllegalArgumentException(
          "has "
              + row.size()
              + " of "
              + row.getParser().getHeaderNames().size()
              + " columns (truncated or hand-edited?)");
    }
    return CallRecord.builder()
        .callId(requiredLong(row, CALL_ID))
        .attempt((int) requiredLong(row, ATTEMPT))
        .iteration((int) requiredLong(row, ITERATION))
        .phase(enumValue(Phase.class, row, PHASE))
        .cellId(required(row, CELL_ID))
        .promptId(orDefault(text(row, PROMPT_ID), required(row, CELL_ID)))
        .model(required(row, MODEL))
        .requestedProvider(text(row, REQUESTED_PROVIDER))
        .servedProvider(text(row, SERVED_PROVIDER))
        .servedModel(text(row, SERVED_MODEL))
        .generationId(text(row, GENERATION_ID))
        .outcome(enumValue(Outcome.class, row, OUTCOME))
        .httpStatus(intOrZero(row, HTTP_STATUS))
        .errorCode(text(row, ERROR_CODE))
        .errorMessage(text(row, ERROR_MESSAGE))
        .wallStartEpochMs(instant(row, WALL_START))
        .tSchedNs(stamp(row, T_SCHED))
        .tSendNs(stamp(row, T_SEND))
        .tFirstNs(stamp(row, T_FIRST))
        .tAnswerNs(stamp(row, T_ANSWER))
        .tLastNs(stamp(row, T_LAST))
        .tDoneNs(stamp(row, T_DONE))
        .tokenEvents(intOrZero(row, TOKEN_EVENTS))
        .promptTokens(intOrZero(row, PROMPT_TOKENS))
        .completionTokens(intOrZero(row, COMPLETION_TOKENS))
        .reasoningTokens(intOrZero(row, REASONING_TOKENS))
        .cachedTokens(intOrZero(row, CACHED_TOKENS))
        .tokenSource(
            text(row, TOKEN_SOURCE) == null
                ? TokenSource.NONE
                : enumValue(TokenSource.class, row, TOKEN_SOURCE))
        .costUsd(money(row, COST_USD))
        .nonce(text(row, NONCE))
        .tCallSchedNs(
            row.isMapped(T_CALL_SCHED) && text(row, T_CALL_SCHED) != null
                ? stamp(row, T_CALL_SCHED)
                : stamp(row, T_SCHED))
        .connection(durationOrZero(row, CONNECT), durationOrZero(row, TLS))
        .byok(text(row, IS_BYOK) == null ? null : Boolean.valueOf(text(row, IS_BYOK).strip()))
        .generationStats(millis(row, GEN_LATENCY), millis(row, GEN_TIME))
        .build();
  }

  private static String text(CSVRecord row, String column) {
    if (!row.isMapped(column) || !row.isSet(column)) {
      return null;
    }
    String v = row.get(column);
    return v.isEmpty() ? null : v;
  }

  private static String required(CSVRecord row, String column) {
    String v = text(row, column);
    if (v == null) {
      throw new IllegalArgumentException(column + " is empty");
    }
    return v;
  }

  private static String orDefault(String v, String fallback) {
    return v == null ? fallback : v;
  }

  private static long requiredLong(CSVRecord row, String column) {
    String v = required(row, column);
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + v + "' is not a whole number");
    }
  }

  private static int intOrZero(CSVRecord row, String column) {
    return text(row, column) == null ? 0 : Math.toIntExact(requiredLong(row, column));
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, CSVRecord row, String column) {
    String v = required(row, column);
    try {
      return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          column
              + " '"
              + v
              + "' is not one of "
              + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static long instant(CSVRecord row, String column) {
    String v = required(row, column);
    try {
      return Instant.parse(v.trim()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          column + " '" + v + "' is not an ISO-8601 UTC time such as 2026-01-31T12:00:00.000Z");
    }
  }

  private static long stamp(CSVRecord row, String column) {
    String v = text(row, column);
    if (v == null) {
      return CallRecord.NONE;
    }
    try {
      return new BigDecimal(v.trim())
          .movePointRight(6)
          .setScale(0, RoundingMode.HALF_EVEN)
          .longValueExact();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + v + "' is not a number of milliseconds");
    }
  }

  /** A set-up time; 0 when absent (files written before the column existed). */
  private static long durationOrZero(CSVRecord row, String column) {
    long ns = stamp(row, column);
    return ns == CallRecord.NONE ? 0 : ns;
  }

  private static Double millis(CSVRecord row, String column) {
    String v = text(row, column);
    if (v == null) {
      return null;
    }
    try {
      return Double.valueOf(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + v + "' is not a number of milliseconds");
    }
  }

  private static BigDecimal money(CSVRecord row, String column) {
    String v = text(row, column);
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + v + "' is not an amount in USD");
    }
  }

  private static void skipByteOrderMark(BufferedReader in) throws IOException {
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
  }
}
