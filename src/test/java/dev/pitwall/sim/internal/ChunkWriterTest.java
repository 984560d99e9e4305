package dev.pitwall.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkWriterTest {
  private static final byte[] HEAD = "data: {\"content\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TAIL = "}\n\n".getBytes(StandardCharsets.UTF_8);
  private static final String REQUEST = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

  /** Sizes around each hex digit boundary, with multi-byte UTF-8 text. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 14, 15, 16, 236, 237, 238, 300, 4_075, 4_076, 70_000})
  void framesChunksExactlyAsTheCodec(int textLength) {
    String text = "é€x".repeat(textLength / 3 + 1).substring(0, textLength);

    byte[] viaCodec =
        respond(
            ctx -> {
              ByteBuf data = Unpooled.buffer();
              data.writeBytes(HEAD).writeCharSequence(text, StandardCharsets.UTF_8);
              data.writeBytes(TAIL);
              ctx.write(new DefaultHttpContent(data));
            });
    byte[] viaWriter = respond(ctx -> new ChunkWriter(ctx).write(HEAD, text, TAIL));

    assertThat(new String(viaWriter, StandardCharsets.UTF_8))
        .isEqualTo(new String(viaCodec, StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyChunkIsNotWrittenBecauseItWouldEndTheBody() {
    byte[] viaWriter = respond(ctx -> new ChunkWriter(ctx).write(""));

    assertThat(new String(viaWriter, StandardCharsets.US_ASCII)).endsWith("\r\n\r\n0\r\n\r\n");
  }

  private interface Body {
    void write(ChannelHandlerContext ctx);
  }

  /** A chunked response: head and last chunk through the codec, the body as {@code body} says. */
  private static byte[] respond(Body body) {
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new HttpServerCodec(),
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                io.netty.util.ReferenceCountUtil.release(msg);
                if (!(msg instanceof LastHttpContent)) {
                  return;
                }
                var res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                res.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                ctx.write(res);
                body.write(ctx);
                ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
              }
            });
    ch.writeInbound(Unpooled.copiedBuffer(REQUEST, StandardCharsets.US_ASCII));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
      byte[] bytes = new byte[b.readableBytes()];
      b.readBytes(bytes);
      out.writeBytes(bytes);
      b.release();
    }
    ch.finishAndReleaseAll();
    return out.toByteArray();
  }
}
