package dev.pitwall.sim.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Aggregates each request's body up to a limit, and answers a larger one with OpenRouter's error
 * envelope (413) instead of Netty's empty 413, then closes: the rest of the body is not read.
 *
 * <p>Thread-safety: one instance per channel, used only from its event loop.
 */
public final class BodyLimit extends HttpObjectAggregator {
  private final ServerState state;
  private final int maxBytes;

  public BodyLimit(int maxBytes, ServerState state) {
    super(maxBytes);
    this.maxBytes = maxBytes;
    this.state = state;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    HttpHandler.RequestInfo info =
        HttpHandler.RequestInfo.of(
            oversized instanceof HttpRequest req ? req : null, false, state.ticker.nanos());
    HttpHandler.sendError(
        ctx,
        state,
        info,
        ErrorReply.of(
            413,
            "Request body too large: the simulator takes at most "
                + maxBytes / (1024 * 1024)
                + " MiB",
            "invalid_request"));
  }
}
