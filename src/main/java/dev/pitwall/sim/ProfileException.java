package dev.pitwall.sim;

/**
 * A profile file that cannot be used. The message names the file, line and column, quotes the line
 * and says what to fix, so {@code pitwall simulate --profile F} can print it as it is.
 */
public final class ProfileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;

  public ProfileException(String source, int line, int column, String message) {
    super(message);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /** The file (or resource) name. */
  public String source() {
    return source;
  }

  /** 1-based line, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column, or 0 when unknown. */
  public int column() {
    return column;
  }
}
