package dev.pitwall.cli;

/** A mistake in how pitwall was called: the message says what to change. Exit code 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
