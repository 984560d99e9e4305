package dev.pitwall.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Creates {@code results/<suite>/<UTC timestamp>/} and proves it writable before the first call, so
 * a full disk or a read-only folder costs no API money.
 */
final class RunDirectory {
  private static final DateTimeFormatter FOLDER =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunDirectory() {}

  static Path create(Path results, String suite, Instant when) {
    Path parent = results.resolve(suite);
    String name = FOLDER.format(when);
    try {
      Files.createDirectories(parent);
      for (int n = 1; ; n++) {
        Path dir = parent.resolve(n == 1 ? name : name + "-" + n);
        try {
          Files.createDirectory(dir);
          probe(dir);
          return dir;
        } catch (FileAlreadyExistsException e) {
          // Two runs in the same second: take the next suffix.
        }
      }
    } catch (IOException e) {
      throw new UsageException(
          "cannot write results under "
              + parent.toAbsolutePath()
              + " ("
              + e
              + "): free some disk space or pass --results DIR");
    }
  }

  private static void probe(Path dir) throws IOException {
    Path probe = Files.write(dir.resolve(".write-probe"), new byte[64 * 1024]);
    Files.delete(probe);
  }
}
