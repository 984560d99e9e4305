package dev.pitwall.suite.internal;

import dev.pitwall.suite.SuiteException;
import dev.pitwall.suite.SuiteProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a suite so the user sees them all at once. Not thread-safe. */
public final class Problems {
  private final List<SuiteProblem> list = new ArrayList<>();

  public void add(Node.Pos pos, String message, String hint) {
    list.add(new SuiteProblem(pos.file(), pos.line(), pos.column(), message, hint, pos.lineText()));
  }

  public void add(Node node, String message, String hint) {
    add(node.pos(), message, hint);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public int size() {
    return list.size();
  }

  /**
   * Throws the collected problems, if any, in reading order: overrides first (they have no line; by
   * flag), then each file's problems by line and column, files in the order they were first named.
   */
  public void throwIfAny() throws SuiteException {
    if (list.isEmpty()) {
      return;
    }
    List<String> files = list.stream().map(SuiteProblem::file).distinct().toList();
    List<SuiteProblem> sorted = new ArrayList<>(list);
    sorted.sort(
        Comparator.comparingInt((SuiteProblem p) -> p.line() == 0 ? 0 : 1)
            .thenComparing(p -> p.line() == 0 ? p.file() : "")
            .thenComparingInt(p -> files.indexOf(p.file()))
            .thenComparingInt(SuiteProblem::line)
            .thenComparingInt(SuiteProblem::column));
    throw new SuiteException(sorted);
  }
}
