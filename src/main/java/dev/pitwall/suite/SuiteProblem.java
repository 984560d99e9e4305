package dev.pitwall.suite;

import java.util.Objects;

/**
 * One thing wrong with a suite, located: {@code file} is the suite or prompt file as the user named
 * it (an override such as {@code -Dconcurrency=x}, or empty when there is no file), {@code line}
 * and {@code column} are 1-based (0 when the origin has no lines), {@code hint} says what to do
 * (may be empty), and {@code sourceLine} is the offending line's text for quoting (null when
 * unknown).
 */
public record SuiteProblem(
    String file, int line, int column, String message, String hint, String sourceLine) {
  public SuiteProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  public SuiteProblem(String file, int line, int column, String message, String hint) {
    this(file, line, column, message, hint, null);
  }

  /** {@code file:line:col: message}, the quoted line with a {@code ^} under the spot, the hint. */
  public String format() {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(':').append(line).append(':').append(Math.max(column, 1));
    }
    b.append(file.isEmpty() ? "" : ": ").append(message);
    if (sourceLine != null && line > 0) {
      String gutter = String.format("%5d | ", line);
      b.append('\n').append(gutter).append(sourceLine.stripTrailing());
      b.append('\n').append(" ".repeat(gutter.length() - 2)).append("| ");
      b.append(markerIndent(sourceLine, column)).append('^');
    }
    if (!hint.isEmpty()) {
      b.append("\n  hint: ").append(hint);
    }
    return b.toString();
  }

  /** Spaces up to the column, keeping tabs so the marker lines up under tabbed text. */
  private static String markerIndent(String text, int column) {
    StringBuilder pad = new StringBuilder();
    for (int i = 0; i < column - 1; i++) {
      pad.append(i < text.length() && text.charAt(i) == '\t' ? '\t' : ' ');
    }
    return pad.toString();
  }
}
