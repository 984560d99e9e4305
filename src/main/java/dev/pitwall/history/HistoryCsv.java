package dev.pitwall.history;

import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.runfolder.CsvRows;
import dev.pitwall.runfolder.RunLayout;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * results/&lt;suite&gt;/history.csv: one line per series × measure × run, appended at the end of
 * every run and never rewritten. Reading is forgiving: a line that cannot be used (truncated by a
 * crash, hand-edited) is skipped with a warning naming its line, and the rest is read.
 */
public final class HistoryCsv {
  public static final String FILE = RunLayout.HISTORY_CSV;

  static final List<String> HEADER =
      List.of(
          "run_id",
          "start",
          "suite",
          "cell",
          "prompt",
          "model",
          "requested_provider",
          "served_provider",
          "metric",
          "unit",
          "score",
          "error",
          "iterations",
          "iteration_scores",
          "p50",
          "p90",
          "p99",
          "count",
          "attempts",
          "git_sha",
          "target",
          "simulated",
          "partial",
          "settings_hash");

  private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
  private static final CSVFormat READ =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

  /** Lines read, and one warning per line skipped. */
  public record Read(List<RunFigures> runs, List<String> warnings) {
    public Read {
      runs = List.copyOf(runs);
      warnings = List.copyOf(warnings);
    }
  }

  private HistoryCsv() {}

  /** Appends a run's figures, writing the header first when the file is new. */
  public static void append(Path file, RunFigures run) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    boolean fresh = !Files.isRegularFile(file) || Files.size(file) == 0;
    try (BufferedWriter w =
            Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        CSVPrinter out = new CSVPrinter(w, WRITE)) {
      if (fresh) {
        out.printRecord(HEADER);
      }
      for (Figure f : run.figures()) {
        out.printRecord(row(run.run(), f));
      }
    }
  }

  private static List<String> row(RunStamp r, Figure f) {
    Score score = f.score();
    SeriesKey k = f.series();
    return List.of(
        r.runId(),
        r.start().toString(),
        r.suite(),
        k.cellId(),
        k.promptId(),
        k.model(),
        k.requestedProvider(),
        k.servedProvider(),
        f.measure().id(),
        f.measure().unit(),
        number(score.mean()),
        number(score.error()),
        Integer.toString(score.iterations()),
        Arrays.stream(f.iterationScores())
            .mapToObj(HistoryCsv::number)
            .collect(Collectors.joining(";")),
        number(f.p50()),
        number(f.p90()),
        number(f.p99()),
        Long.toString(f.count()),
        Long.toString(f.attempts()),
        r.gitSha(),
        r.target(),
        Boolean.toString(r.simulated()),
        Boolean.toString(r.partial()),
        r.settingsHash());
  }

  /** Nine significant digits, no exponent; "" for NaN. */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "";
    }
    return new BigDecimal(d)
        .round(new java.math.MathContext(9, RoundingMode.HALF_EVEN))
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * Reads a history file into runs, in file order. A missing file reads as no runs with a warning.
   */
  public static Read read(Path file) throws IOException {
    List<String> warnings = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      warnings.add(file + ": no history yet (the file is missing); nothing to compare with");
      return new Read(List.of(), warnings);
    }
    RunsBuilder runs = new RunsBuilder();
    String name = file.toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = READ.parse(in)) {
      List<String> missing = new ArrayList<>(HEADER);
      missing.removeAll(parser.getHeaderNames());
      if (!missing.isEmpty()) {
        warnings.add(
            name
                + " line 1: the header lacks "
                + String.join(", ", missing)
                + "; the file is not a pitwall history and was ignored");
        return new Read(List.of(), warnings);
      }
      CsvRows.read(parser, name, warnings, row -> runs.add(stamp(row), figure(row)));
    }
    return new Read(runs.build(), warnings);
  }

  private static RunStamp stamp(CSVRecord row) {
    if (!row.isConsistent()) {
      throw new IllegalArgumentException(
          "has " + row.size() + " of " + HEADER.size() + " columns (truncated or hand-edited?)");
    }
    Instant start;
    try {
      start = Instant.parse(required(row, "start"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("start '" + row.get("start") + "' is not an ISO time");
    }
    return new RunStamp(
        required(row, "run_id"),
        start,
        required(row, "suite"),
        required(row, "target"),
        Boolean.parseBoolean(row.get("simulated")),
        Boolean.parseBoolean(row.get("partial")),
        row.get("git_sha"),
        row.get("settings_hash"));
  }

  private static Figure figure(CSVRecord row) {
    Measure measure = Measure.byId(required(row, "metric"));
    String scores = row.get("iteration_scores");
    double[] iterationScores =
        scores.isBlank()
            ? new double[0]
            : Arrays.stream(scores.split(";"))
                .mapToDouble(s -> parse(s, "iteration_scores"))
                .toArray();
    if (iterationScores.length == 0) {
      throw new IllegalArgumentException("iteration_scores is empty");
    }
    SeriesKey key =
        new SeriesKey(
            required(row, "cell"),
            required(row, "prompt"),
            required(row, "model"),
            row.get("requested_provider"),
            row.get("served_provider"));
    return new Figure(
        key,
        measure,
        iterationScores,
        optional(row, "p50"),
        optional(row, "p90"),
        optional(row, "p99"),
        (long) parse(required(row, "count"), "count"),
        (long) parse(required(row, "attempts"), "attempts"));
  }

  private static String required(CSVRecord row, String column) {
    String v = row.get(column);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(column + " is empty");
    }
    return v.trim();
  }

  private static double optional(CSVRecord row, String column) {
    String v = row.get(column);
    return v == null || v.isBlank() ? Double.NaN : parse(v, column);
  }

  private static double parse(String v, String column) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " '" + v + "' is not a number");
    }
  }

  /** Groups consecutive lines of one run id into one {@link RunFigures}. */
  private static final class RunsBuilder {
    private final java.util.LinkedHashMap<String, RunStamp> stamps =
        new java.util.LinkedHashMap<>();
    private final java.util.Map<String, List<Figure>> figures = new java.util.HashMap<>();

    void add(RunStamp stamp, Figure figure) {
      stamps.putIfAbsent(stamp.runId(), stamp);
      figures.computeIfAbsent(stamp.runId(), k -> new ArrayList<>()).add(figure);
    }

    List<RunFigures> build() {
      List<RunFigures> out = new ArrayList<>();
      stamps.forEach((id, stamp) -> out.add(new RunFigures(stamp, figures.get(id))));
      out.sort(java.util.Comparator.comparing(r -> r.run().start()));
      return out;
    }
  }
}
