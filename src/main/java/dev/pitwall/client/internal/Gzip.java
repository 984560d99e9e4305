package dev.pitwall.client.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Decodes a whole non-streamed body sent with {@code Content-Encoding: gzip} (asked for only when
 * the suite's {@code request.gzip} is on, but decoded whenever a server sends it). Streams are
 * never asked for compressed: a compressed stream would hold tokens back in the compressor.
 */
final class Gzip {
  private Gzip() {}

  /**
   * The body, decoded when {@code contentEncoding} is gzip, capped at {@code cap} decoded bytes.
   *
   * @throws java.util.zip.ZipException when the body is not gzip data
   */
  static Bodies.Body decodeIfGzipped(String contentEncoding, Bodies.Body body, int cap)
      throws IOException {
    if (contentEncoding == null
        || !contentEncoding.strip().toLowerCase(Locale.ROOT).equals("gzip")) {
      return body;
    }
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(body.bytes(), 0, body.length()))) {
      byte[] out = in.readNBytes(cap);
      boolean truncated = out.length == cap && in.read() >= 0;
      return new Bodies.Body(out, out.length, body.truncated() || truncated);
    }
  }
}
