package dev.pitwall.sim.internal;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that stays idle between requests for the keep-alive timeout, as CDNs, load
 * balancers and servers do (often 60 s or less): the client's pooled connection then finds the
 * socket closed when it next writes. A connection answering a request, however slowly, is never
 * closed by it, nor is one not yet used (its first request may wait for a TLS handshake; a client
 * that never sends is {@link RequestTimeout}'s business). Goes right after the HTTP codec, so it
 * sees where requests begin and replies end.
 *
 * <p>Thread-safety: one instance per connection, used only from its event loop.
 */
public final class KeepAliveTimeout extends ChannelDuplexHandler {
  private final long idleNanos;
  private int answering;
  private ScheduledFuture<?> close;

  public KeepAliveTimeout(long idleNanos) {
    if (idleNanos <= 0) {
      throw new IllegalArgumentException("idle timeout must be positive: " + idleNanos + " ns");
    }
    this.idleNanos = idleNanos;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest) {
      answering++;
      disarm();
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    if (msg instanceof LastHttpContent) {
      promise.addListener(
          f -> {
            if (--answering == 0) {
              arm(ctx);
            }
          });
    }
    super.write(ctx, msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    disarm();
    super.channelInactive(ctx);
  }

  private void arm(ChannelHandlerContext ctx) {
    disarm();
    close = ctx.executor().schedule(() -> ctx.close(), idleNanos, TimeUnit.NANOSECONDS);
  }

  private void disarm() {
    if (close != null) {
      close.cancel(false);
      close = null;
    }
  }
}
