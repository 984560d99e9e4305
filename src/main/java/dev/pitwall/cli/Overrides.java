package dev.pitwall.cli;

import dev.pitwall.UsageException;
import dev.pitwall.suite.OverrideKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The command-line layer of settings (JMH's options idea): {@code -Dkey=value} given to pitwall
 * itself, or as JVM/Maven system properties under {@code mvn exec:java -Dkey=value}. Only known
 * keys are taken from system properties (Maven sets many of its own); an unknown key given to
 * pitwall is a usage error, with the nearest known key suggested.
 */
final class Overrides {
  static final List<String> KEYS = OverrideKeys.all();

  private Overrides() {}

  static Map<String, String> collect(Map<String, String> cli, Properties system) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : KEYS) {
      String v = system.getProperty(key);
      if (v != null && !v.isBlank()) {
        out.put(key, v.strip());
      }
    }
    for (Map.Entry<String, String> e : cli.entrySet()) {
      OverrideKeys.problem(e.getKey())
          .ifPresent(
              problem -> {
                throw new UsageException(problem);
              });
      out.put(e.getKey(), e.getValue().strip());
    }
    return out;
  }
}
