package dev.pitwall.suite;

import dev.pitwall.suite.internal.Node;
import dev.pitwall.suite.internal.Problems;
import dev.pitwall.suite.internal.SuiteBinder;
import dev.pitwall.suite.internal.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a suite file into a validated {@link Suite}: YAML with positions, binding, overrides,
 * cross-checks. Nothing is called and nothing is written. Every problem in the file is reported in
 * one {@link SuiteException}.
 */
public final class SuiteLoader {
  private SuiteLoader() {}

  /** Loads {@code file} with no model catalog (model ids are checked for shape only). */
  public static Suite load(Path file, Map<String, String> overrides) throws SuiteException {
    return load(file, overrides, KnownModels.NONE);
  }

  /**
   * Loads {@code file}, applying {@code overrides} (the {@code -D} / CLI layer; keys this loader
   * does not know, such as {@code target}, are ignored), checking model ids and provider slugs
   * against {@code knownModels}: a retired id names its retirement and the author's newest models,
   * an unknown one the nearest ids, a provider that does not serve the model the ones that do.
   */
  public static Suite load(Path file, Map<String, String> overrides, KnownModels knownModels)
      throws SuiteException {
    Problems problems = new Problems();
    String display = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SuiteException(
          new SuiteProblem(
              display,
              0,
              0,
              "cannot read the suite file: " + e.getClass().getSimpleName() + " " + e.getMessage(),
              "check the path " + file.toAbsolutePath()));
    }
    Node tree = YamlReader.read(display, text, problems);
    problems.throwIfAny();
    Suite suite;
    try {
      suite =
          SuiteBinder.bind(
              file, tree, overrides == null ? Map.of() : overrides, knownModels, problems);
    } catch (IllegalArgumentException e) {
      // A record refused a value the binder let through: still the user's suite, still exit 2.
      throw new SuiteException(
          new SuiteProblem(
              display,
              0,
              0,
              e.getMessage(),
              "fix this value; pitwall should have located it, so please report the suite"));
    }
    problems.throwIfAny();
    return suite;
  }
}
