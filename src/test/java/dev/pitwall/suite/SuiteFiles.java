package dev.pitwall.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes suites into a temporary folder and loads them. */
final class SuiteFiles {
  static final String HEAD = "suite: t\nprompts:\n  - {id: cap, prompt: Explain the CAP theorem}\n";

  private final Path dir;

  SuiteFiles(Path dir) {
    this.dir = dir;
  }

  Path write(String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Suite load(String yaml) throws SuiteException {
    return load(yaml, Map.of());
  }

  Suite load(String yaml, Map<String, String> overrides) throws SuiteException {
    return SuiteLoader.load(write("suite.yaml", yaml), overrides);
  }

  /** The problems of a suite that must not load. */
  List<SuiteProblem> problems(String yaml) {
    return problems(yaml, Map.of());
  }

  List<SuiteProblem> problems(String yaml, Map<String, String> overrides) {
    try {
      load(yaml, overrides);
    } catch (SuiteException e) {
      return e.getProblems();
    }
    throw new AssertionError("the suite loaded, but problems were expected:\n" + yaml);
  }
}
