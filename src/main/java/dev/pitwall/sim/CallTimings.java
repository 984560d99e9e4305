package dev.pitwall.sim;

/**
 * Told, on the serving event loop, when each call's response ended: the server's own account of
 * when it wrote what, to hold a client's measurements against. Stamps are the simulator's ticker
 * nanoseconds (on Linux the system ticker reads the machine-wide monotonic clock, so a client in
 * another process on the same machine can compare durations with it). Implementations must not
 * block: they run on an I/O thread between writes.
 */
public interface CallTimings {
  /** Takes nothing. */
  CallTimings NONE = (id, arrival, firstToken, lastToken, end) -> {};

  /**
   * @param generationId the response's generation id, as a client sees it
   * @param arrivalNanos when the whole request had arrived
   * @param firstTokenNanos when the first token event was flushed to the socket; -1 if none was
   * @param lastTokenNanos when the last token event was flushed; -1 if none was
   * @param endNanos when the response ended (sent whole, reset or abandoned)
   */
  void callEnded(
      String generationId,
      long arrivalNanos,
      long firstTokenNanos,
      long lastTokenNanos,
      long endNanos);
}
