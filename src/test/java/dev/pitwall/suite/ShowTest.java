package dev.pitwall.suite;

import java.nio.file.*;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShowTest {
  @Test
  void show() throws Exception {
    try (var s = Files.list(Path.of("src/test/resources/dev/pitwall/suite/broken"))) {
      for (Path p : s.sorted().toList()) {
        try {
          SuiteLoader.load(p, Map.of());
          System.out.println("LOADED?? " + p);
        } catch (SuiteException e) {
          System.out.println("=====\n" + e.getMessage());
        }
      }
    }
    try {
      SuiteLocator.locate("nope", Path.of("benchmarks"));
    } catch (SuiteException e) {
      System.out.println("=====\n" + e.getMessage());
    }
    try {
      SuiteLoader.load(
          Path.of("benchmarks/cap-theorem.yaml"),
          Map.of("concurrency", "abc", "models", "openai/gpt4o"));
    } catch (SuiteException e) {
      System.out.println("=====\n" + e.getMessage());
    }
  }
}
