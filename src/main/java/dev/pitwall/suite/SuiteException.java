package dev.pitwall.suite;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A suite that cannot be run, with every problem found in it (not just the first). The message is
 * for people: each problem as {@code file:line:col: message}, the quoted line, a marker and a hint.
 * The CLI maps it to exit code 2.
 */
public final class SuiteException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<SuiteProblem> problems;

  public SuiteException(List<SuiteProblem> problems) {
    super(render(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SuiteException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public SuiteException(SuiteProblem problem) {
    this(List.of(problem));
  }

  public List<SuiteProblem> getProblems() {
    return problems;
  }

  private static String render(List<SuiteProblem> problems) {
    String body = problems.stream().map(SuiteProblem::format).collect(Collectors.joining("\n\n"));
    if (problems.size() == 1) {
      return body;
    }
    boolean oneFile = problems.stream().map(SuiteProblem::file).distinct().count() == 1;
    return body
        + "\n\n"
        + problems.size()
        + " problems"
        + (oneFile ? " in " + problems.get(0).file() : "");
  }
}
