package dev.pitwall.history;

/** Two runs that measured different things were asked to be compared; the message names how. */
public class IncompatibleRunsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IncompatibleRunsException(String message) {
    super(message);
  }
}
