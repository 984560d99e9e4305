package dev.pitwall.cli;

import dev.pitwall.UsageException;
import dev.pitwall.suite.SuiteException;
import dev.pitwall.suite.SuiteLocator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * How every suite-reading command names its suite and overrides it: a name in {@code benchmarks/}
 * or a path ({@code -Dsuite} when omitted), and {@code -Dkey=value} settings checked against the
 * known keys (an unknown key is a usage error, never silently ignored).
 */
final class SuiteOptions {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SUITE",
      description = "A suite name in benchmarks/ or a path to a suite file (default: -Dsuite).")
  String suite;

  @Option(
      names = "-D",
      paramLabel = "KEY=VALUE",
      description =
          "Override a suite setting (models, concurrency, calls, warmup, measurement, rate,"
              + " requests_per_minute, max_cost_usd, ...) or set target=simulator|openrouter|URL.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(
      names = "--benchmarks",
      paramLabel = "DIR",
      defaultValue = "benchmarks",
      description = "Where suite names are looked up (default: ${DEFAULT-VALUE}).")
  Path benchmarks;

  /** The -D layer: flags given to pitwall, and known keys among the JVM's system properties. */
  Map<String, String> settings() {
    return Overrides.collect(overrides, System.getProperties());
  }

  /** The suite named by the argument or {@code -Dsuite}. */
  String name(Map<String, String> settings) {
    String name = suite != null ? suite : settings.get("suite");
    if (name == null || name.isBlank()) {
      throw new UsageException(
          "which suite? pass a name from benchmarks/ (e.g. cap-theorem) or -Dsuite=NAME");
    }
    return name;
  }

  /** The suite file named by the argument or {@code -Dsuite}. */
  Path locate(Map<String, String> settings) throws SuiteException {
    return SuiteLocator.locate(name(settings), benchmarks);
  }
}
