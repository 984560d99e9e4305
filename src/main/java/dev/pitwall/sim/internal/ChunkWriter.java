package dev.pitwall.sim.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;

/**
 * Writes the body chunks of one streamed response already framed for {@code Transfer-Encoding:
 * chunked}, one pooled buffer per chunk, below the HTTP codec. The codec frames each {@code
 * HttpContent} with two extra buffers, a promise combiner and an output list; framing here gives
 * the same bytes ({@code hex length CRLF data CRLF}, as {@code HttpObjectEncoder}) for one
 * allocation. The response head and the last chunk still go through the codec, so its state stays
 * right for the next request on a kept-alive connection.
 *
 * <p>Thread-safety: confined to the channel's event loop.
 */
final class ChunkWriter {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] EMPTY = {};
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_HEX_DIGITS = 8;

  private final ChannelHandlerContext below;

  /** {@code ctx} is the context of a handler after the server codec in the pipeline. */
  ChunkWriter(ChannelHandlerContext ctx) {
    ChannelHandlerContext codec = ctx.pipeline().context(HttpServerCodec.class);
    if (codec == null) {
      throw new IllegalStateException("no HttpServerCodec in the pipeline");
    }
    this.below = codec;
  }

  /** One chunk whose data is {@code head}, then {@code text} in UTF-8, then {@code tail}. */
  void write(byte[] head, CharSequence text, byte[] tail) {
    int textBytes = ByteBufUtil.utf8Bytes(text);
    int size = head.length + textBytes + tail.length;
    if (size == 0) {
      return; // as the codec: an empty chunk would read as the last one
    }
    ByteBuf buf = below.alloc().ioBuffer(MAX_HEX_DIGITS + 2 + size + 2);
    writeHex(buf, size);
    buf.writeBytes(CRLF);
    buf.writeBytes(head);
    ByteBufUtil.reserveAndWriteUtf8(buf, text, textBytes);
    buf.writeBytes(tail);
    buf.writeBytes(CRLF);
    below.write(buf, below.voidPromise());
  }

  /** One chunk whose data is {@code text} in UTF-8. */
  void write(String text) {
    write(EMPTY, text, EMPTY);
  }

  void flush() {
    below.flush();
  }

  /** Lower-case hex without leading zeros, as {@code Long.toHexString} in the codec. */
  private static void writeHex(ByteBuf buf, int value) {
    int digits = Math.max(1, (Integer.SIZE - Integer.numberOfLeadingZeros(value) + 3) / 4);
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      buf.writeByte(HEX[(value >>> shift) & 0xF]);
    }
  }
}
