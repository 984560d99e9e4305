package dev.pitwall.metrics;

/** Where an attempt's output-token count came from. */
public enum TokenSource {
  /** {@code usage.completion_tokens} from the response. */
  SERVER,
  /** No usage in the response: estimated from the text. */
  ESTIMATED,
  /** Nothing to count (the attempt failed before any output). */
  NONE
}
