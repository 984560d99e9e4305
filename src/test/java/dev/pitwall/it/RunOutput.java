package dev.pitwall.it;

import dev.pitwall.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** One command line run through pitwall's real entry point, with what it printed. */
record RunOutput(int exitCode, String out, String err) {
  static RunOutput run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new RunOutput(code, out.toString(), err.toString());
  }

  /**
   * {@code pitwall run SUITE --target TARGET --results RESULTS EXTRA...}, with the suite a resource
   * of this package.
   */
  static RunOutput runSuite(String suite, Object target, Path results, String... extra)
      throws URISyntaxException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                resource(suite).toString(),
                "--target",
                target.toString(),
                "--results",
                results.toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  /** A test resource of this package (suites and simulator profiles) as a file. */
  static Path resource(String name) throws URISyntaxException {
    return Path.of(RunOutput.class.getResource(name).toURI());
  }

  /** The folder named by the last line, "results: DIR". */
  Path resultsDir() {
    String[] lines = out.strip().split("\n");
    String last = lines[lines.length - 1];
    if (!last.startsWith("results: ")) {
      throw new AssertionError("last line does not name the results folder: " + last);
    }
    return Path.of(last.substring("results: ".length()).strip());
  }

  static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    }
  }

  static List<String> header(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getHeaderNames();
    }
  }
}
