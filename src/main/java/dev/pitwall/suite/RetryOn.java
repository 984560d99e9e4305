package dev.pitwall.suite;

/**
 * A kind of failed attempt that {@link Retries} may retry. Anything else (a client error, a
 * timeout, an invalid answer) is final: repeating it would measure the same failure again.
 */
public enum RetryOn {
  /** 429: the provider asked us to slow down. */
  THROTTLED("on_throttled"),
  /** 5xx: the provider failed on its side. */
  SERVER_ERROR("on_server_error"),
  /** No connection was made, so no request reached the provider. */
  CONNECT_ERROR("on_connect_error");

  private final String key;

  RetryOn(String key) {
    this.key = key;
  }

  /** The suite file's switch for this kind under {@code retries:}, e.g. {@code on_throttled}. */
  public String key() {
    return key;
  }
}
