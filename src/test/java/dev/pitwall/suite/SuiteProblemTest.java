package dev.pitwall.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteProblemTest {
  @Test
  void theMarkerSitsUnderTheColumnEvenAfterTabs() {
    SuiteProblem p = new SuiteProblem("s.yaml", 3, 4, "bad", "fix it", "\tx: y");
    assertThat(p.format())
        .isEqualTo("s.yaml:3:4: bad\n    3 | \tx: y\n      | \t  ^\n  hint: fix it");
  }

  @Test
  void aProblemWithoutLinesIsOneLinePlusTheHint() {
    assertThat(new SuiteProblem("-Dcalls=x", 0, 0, "calls must be a whole number", "").format())
        .isEqualTo("-Dcalls=x: calls must be a whole number");
  }

  @Test
  void anExceptionCountsProblemsOfOneFile() {
    SuiteException e =
        new SuiteException(
            List.of(
                new SuiteProblem("a.yaml", 1, 1, "one", ""),
                new SuiteProblem("a.yaml", 2, 1, "two", "")));
    assertThat(e.getMessage())
        .isEqualTo("a.yaml:1:1: one\n\na.yaml:2:1: two\n\n2 problems in a.yaml");
  }
}
