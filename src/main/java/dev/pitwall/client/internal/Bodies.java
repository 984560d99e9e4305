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
    byte[] out = new byte[4096];
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
}
