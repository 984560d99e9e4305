package dev.pitwall.runfolder;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Walks the data rows of a CSV file that a crash or a hand edit may have damaged (requests.csv,
 * history.csv): a row its reader rejects (with {@link IllegalArgumentException} or {@link
 * ArithmeticException}) becomes a warning naming its line and the reading goes on; a broken quote
 * that makes the rest unreadable ends the reading with a warning; blank lines are skipped.
 */
public final class CsvRows {
  private CsvRows() {}

  /**
   * Hands each row after the header to {@code reader}; adds one warning per row it could not use.
   */
  public static void read(
      CSVParser parser, String name, List<String> warnings, Consumer<CSVRecord> reader) {
    long linesRead = parser.getCurrentLineNumber();
    Iterator<CSVRecord> rows = parser.iterator();
    while (true) {
      long line = linesRead + 1;
      CSVRecord row;
      try {
        if (!rows.hasNext()) {
          return;
        }
        row = rows.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        warnings.add(
            name
                + " line "
                + line
                + ": unreadable from here on ("
                + rootMessage(e)
                + "); the rest is skipped");
        return;
      }
      linesRead = parser.getCurrentLineNumber();
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      try {
        reader.accept(row);
      } catch (IllegalArgumentException | ArithmeticException e) {
        warnings.add(name + " line " + line + ": " + e.getMessage() + "; row skipped");
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
