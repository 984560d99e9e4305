package dev.pitwall.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds a suite file from what a user typed: a name in the benchmarks folder, or a path. */
public final class SuiteLocator {
  private SuiteLocator() {}

  /**
   * {@code name} is a path to an existing file, or a suite name: {@code benchmarksDir/name.yaml}
   * (or {@code .yml}), or a numbered sample {@code NN-name.yaml}. An unknown name is a {@link
   * SuiteException} that lists the suites there.
   */
  public static Path locate(String name, Path benchmarksDir) throws SuiteException {
    Path asPath = Path.of(name);
    if (Files.isRegularFile(asPath)) {
      return asPath;
    }
    for (String ext : List.of("", ".yaml", ".yml")) {
      Path candidate = benchmarksDir.resolve(name + ext);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    // Numbered samples (02-provider-routing.yaml) answer to their bare name too.
    for (String file : suitesIn(benchmarksDir)) {
      if (file.matches("\\d+-" + Pattern.quote(name))) {
        return benchmarksDir.resolve(file + ".yaml").toFile().isFile()
            ? benchmarksDir.resolve(file + ".yaml")
            : benchmarksDir.resolve(file + ".yml");
      }
    }
    List<String> known = suitesIn(benchmarksDir);
    String hint =
        known.isEmpty()
            ? "there are no suites in " + benchmarksDir + "; give a path to a suite file"
            : "suites there: " + String.join(", ", known) + "; or give a path to a suite file";
    throw new SuiteException(
        new SuiteProblem(
            "", 0, 0, "no suite '" + name + "' in " + benchmarksDir + "/", hint, null));
  }

  /** The suite names in a folder (file names without .yaml/.yml), sorted. */
  public static List<String> suitesIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
          .map(n -> n.replaceFirst("\\.ya?ml$", ""))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      return List.of();
    }
  }
}
