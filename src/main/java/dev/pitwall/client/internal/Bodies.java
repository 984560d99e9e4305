package dev.pitwall.client.internal;

import java.io.IOException;
import java.util.Arrays;

/** Reads a whole (small) response body from an exchange, up to a cap. */
public final class Bodies {
  private Bodies() {}

  /** A body read so far; {@code bytes[0..length)} is valid. */
  public record Body(byte[] bytes, int length, boolean truncated) {}

  /**
   * Reads until the end of the body or {@code cap} bytes.
   *
   * @param deadlineNanos absolute deadline on {@code ticker}
   */
  public static Body readAll(
      HttpTransport.Exchange ex, dev.pitwall.time.Ticker ticker, long deadlineNanos, int cap)
      throws IOException {
    byte[] out = new byte[initialCapacity(ex.header("content-length"), cap)];
    int len = 0;
    while (true) {
      int n = ex.next(deadlineNanos - ticker.nanos());
      if (n < 0) {
        return new Body(out, len, false);
      }
      int take = Math.min(n, cap - len);
      if (len + take > out.length) {
        out = Arrays.copyOf(out, Math.min(cap, Math.max(out.length * 2, len + take)));
      }
      System.arraycopy(ex.array(), ex.offset(), out, len, take);
      len += take;
      if (len >= cap) {
        return new Body(out, len, true);
      }
    }
  }

  /**
   * The announced length when there is one (one exact array per call, the common case: a
   * non-streaming reply is a few hundred bytes), else a small start that doubles as needed.
   */
  static int initialCapacity(String contentLength, int cap) {
    if (contentLength != null) {
      try {
        long announced = Long.parseLong(contentLength.trim());
        if (announced >= 0) {
          return (int) Math.min(announced, cap);
        }
      } catch (NumberFormatException e) {
        // an unreadable length is read as no length
      }
    }
    return Math.min(1024, cap);
  }
}
