package dev.pitwall.runfolder;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a run's files live: {@code results/<suite>/<UTC timestamp>/}, the names of the files in it
 * that other packages read back, and the suite-level history beside the runs. The one place these
 * names are spelled.
 */
public final class RunLayout {
  /** One row per attempt, appended as calls end. */
  public static final String REQUESTS_CSV = "requests.csv";

  /** What a reader needs to trust and rebuild the run (see {@link Manifest}). */
  public static final String MANIFEST_JSON = "manifest.json";

  /** Every measurement iteration's interval histograms (see {@link LatencyLog}). */
  public static final String LATENCY_HLOG = "latency.hlog";

  /** One line per series and metric per run, in the suite's folder beside its runs. */
  public static final String HISTORY_CSV = "history.csv";

  private static final DateTimeFormatter FOLDER =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunLayout() {}

  /** Whether {@code dir} holds a run (its manifest.json). */
  public static boolean isRunFolder(Path dir) {
    return Files.isRegularFile(dir.resolve(MANIFEST_JSON));
  }

  /** The run's id: its folder name, e.g. 20260131T120000Z. */
  public static String runId(Path runDir) {
    return runDir.toAbsolutePath().normalize().getFileName().toString();
  }

  /** The suite's history file for a run folder: {@code results/<suite>/history.csv}. */
  public static Path historyOf(Path runDir) {
    return runDir.toAbsolutePath().normalize().getParent().resolve(HISTORY_CSV);
  }

  /**
   * Creates {@code results/<suite>/<UTC timestamp>/} (a "-2", "-3" suffix for a second run in the
   * same second) and proves it writable before the first call, so a full disk or a read-only folder
   * costs no API money.
   *
   * @throws IOException naming the folder that cannot be written
   */
  public static Path create(Path results, String suite, Instant when) throws IOException {
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
      throw new IOException(
          "cannot write results under " + parent.toAbsolutePath() + " (" + e + ")", e);
    }
  }

  private static void probe(Path dir) throws IOException {
    Path probe = Files.write(dir.resolve(".write-probe"), new byte[64 * 1024]);
    Files.delete(probe);
  }
}
