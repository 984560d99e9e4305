package dev.pitwall.sim.internal;

/**
 * One thing the server does at {@code atNanos} after the request arrived.
 *
 * @param text the content of a TOKENS or BROKEN_JSON step
 * @param tokens how many tokens a TOKENS or BROKEN_JSON step carries
 */
public record Step(long atNanos, Kind kind, String text, int tokens) {
  public enum Kind {
    /** Send the 200 response headers (a stream). */
    HEADERS,
    /** A {@code : OPENROUTER PROCESSING} comment. */
    COMMENT,
    /** A chunk carrying {@code text}. */
    TOKENS,
    /** A chunk cut off in the middle of its JSON. */
    BROKEN_JSON,
    /** An error event (status stays 200), then {@code [DONE]}. */
    STREAM_ERROR,
    /** The chunk with the finish reason. */
    FINISH,
    /** The usage chunk ({@code choices: []}). */
    USAGE,
    /** {@code data: [DONE]} and the end of the response. */
    DONE,
    /** The HTTP error of {@link CallPlan#error()}. */
    ERROR_REPLY,
    /** Reset the connection (RST). */
    RESET,
    /** Send nothing more; keep the connection until the client leaves. */
    HANG
  }

  public Step {
    if (atNanos < 0) {
      throw new IllegalArgumentException("atNanos < 0: " + atNanos);
    }
  }

  static Step at(long atNanos, Kind kind) {
    return new Step(atNanos, kind, null, 0);
  }
}
