package dev.pitwall.sim.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Answers a request that stops arriving midway with OpenRouter's 408 envelope and closes the
 * connection. Without it, a client that sends half a request (a head without its blank line, or a
 * body short of its {@code Content-Length}) would hold the connection and its buffers forever, and
 * itself wait forever for an answer.
 *
 * <p>Two handlers share one instance per connection: {@link #bytes()}, before the HTTP codec, sees
 * every read; {@link #messages()}, after it, sees where requests begin and end. Part of a request
 * is in when a read leaves the codec inside a body, yields no message at all (the head is not
 * complete), or leaves bytes unread after the last request it ended (the next one's beginning).
 * That last test relies on the codec keeping a read's own buffer when it has nothing buffered
 * before, as Netty's decoders do; when a read is appended to earlier bytes, a request ended there
 * with more bytes behind it counts as complete, and a client stalling exactly then is not timed
 * out. Connections idle between requests are left open, as clients keep them in their pools.
 *
 * <p>The 408 is written below the codec, as bytes: no request may have been decoded to answer.
 * While a call is still answering on the connection, the 408 waits for it, so a stream is never cut
 * by the request queued behind it.
 *
 * <p>Thread-safety: used only from the connection's event loop.
 */
public final class RequestTimeout {
  private final ServerState state;
  private final long timeoutNanos;
  private final Bytes bytes = new Bytes();
  private final Messages messages = new Messages();

  private int requestsEnded;
  private boolean partial;
  private long lastReadNanos;
  private HttpRequest inBody; // the request whose body is still coming in; null between requests
  private ScheduledFuture<?> check;

  public RequestTimeout(ServerState state, long timeoutNanos) {
    if (timeoutNanos <= 0) {
      throw new IllegalArgumentException("timeout must be positive: " + timeoutNanos + " ns");
    }
    this.state = state;
    this.timeoutNanos = timeoutNanos;
  }

  /** The handler that goes before the HTTP codec. */
  public ChannelHandler bytes() {
    return bytes;
  }

  /** The handler that goes right after the HTTP codec. */
  public ChannelHandler messages() {
    return messages;
  }

  private final class Bytes extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      lastReadNanos = state.ticker.nanos();
      int endedBefore = requestsEnded;
      boolean leftOver = false;
      if (msg instanceof ByteBuf buf) {
        buf.retain();
        try {
          ctx.fireChannelRead(msg); // the codec decodes all it can before this returns
          leftOver = buf.isReadable();
        } finally {
          buf.release();
        }
      } else {
        ctx.fireChannelRead(msg);
      }
      partial = inBody != null || requestsEnded == endedBefore || leftOver;
      if (partial && check == null) {
        arm(ctx, timeoutNanos);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      disarm();
      ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      disarm();
    }
  }

  private final class Messages extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest req) {
        inBody = req;
      }
      if (msg instanceof LastHttpContent) {
        inBody = null;
        requestsEnded++;
      }
      ctx.fireChannelRead(msg);
    }
  }

  private void arm(ChannelHandlerContext ctx, long delayNanos) {
    check = ctx.executor().schedule(() -> expire(ctx), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void disarm() {
    if (check != null) {
      check.cancel(false);
      check = null;
    }
  }

  private void expire(ChannelHandlerContext ctx) {
    check = null;
    if (!partial || !ctx.channel().isActive()) {
      return;
    }
    long quiet = state.ticker.nanos() - lastReadNanos;
    if (quiet < timeoutNanos) {
      arm(ctx, timeoutNanos - quiet);
      return;
    }
    HttpHandler handler = ctx.pipeline().get(HttpHandler.class);
    if (handler != null && handler.answering()) {
      arm(ctx, timeoutNanos);
      return;
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(timeoutNanos);
    ErrorReply reply =
        ErrorReply.of(
            408,
            "Request timeout: no part of the request arrived for "
                + (seconds > 0 ? seconds + " s" : timeoutNanos / 1_000_000 + " ms")
                + "; send the whole request (head, blank line, then Content-Length bytes)",
            "timeout");
    byte[] body = Wire.error(reply);
    String head =
        "HTTP/1.1 408 Request Timeout\r\n"
            + "content-type: application/json\r\n"
            + "content-length: "
            + body.length
            + "\r\n"
            + "connection: close\r\n\r\n";
    ctx.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body))
        .addListener(ChannelFutureListener.CLOSE);
    HttpHandler.log(
        state, HttpHandler.RequestInfo.of(inBody, false, lastReadNanos), reply.status());
  }
}
