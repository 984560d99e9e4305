package dev.pitwall.sim;

/** The kinds of failure a profile can inject; each is described in docs/simulator.md. */
public enum FaultKind {
  /**
   * An HTTP error with OpenRouter's JSON envelope. Scoped to a provider it fails that attempt and
   * routing falls back; without a provider it is returned by the router itself.
   */
  ERROR,
  /** A 502 (or {@code status}) with an HTML body, as an edge proxy sends it; never falls back. */
  HTML_ERROR,
  /** The provider (or model) is down during the window: every attempt fails with 503. */
  OUTAGE,
  /** After {@code after_tokens}, an error event with {@code finish_reason: error}; status 200. */
  MID_STREAM_ERROR,
  /** The connection is reset (RST) after {@code after_tokens} (0: before any byte is sent). */
  RESET,
  /** After the first token nothing comes for {@code delay_ms} (absent: until the client leaves). */
  STALL,
  /** Response headers are held back for {@code delay_ms}. */
  SLOW_HEADERS,
  /** The chunk after {@code after_tokens} is cut in the middle of its JSON. */
  INVALID_JSON,
  /** Extra {@code : OPENROUTER PROCESSING} comments every {@code delay_ms} and between chunks. */
  KEEPALIVE
}
