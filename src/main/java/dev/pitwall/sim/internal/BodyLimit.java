package dev.pitwall.sim.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Aggregates each request's body up to a limit, and answers a larger one with OpenRouter's error
 * envelope (413) instead of Netty's empty 413, then closes: the rest of the body is not read. An
 * {@code Expect} other than {@code 100-continue} (which the handler before this one answers) gets a
 * 417 in the same envelope instead of Netty's empty one, then closes: the decoder takes the bytes
 * after such a head for a new request, so a client that sent its body anyway would get a 400.
 *
 * <p>Thread-safety: one instance per channel, used only from its event loop.
 */
public final class BodyLimit extends HttpObjectAggregator {
  private final ServerState state;
  private final int maxBytes;

  public BodyLimit(int maxBytes, ServerState state) {
    super(maxBytes, true); // closes after a 417
    this.maxBytes = maxBytes;
    this.state = state;
  }

  @Override
  protected Object newContinueResponse(
      HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    String expect = start.headers().get(HttpHeaderNames.EXPECT); // super removes it
    Object netty = super.newContinueResponse(start, maxContentLength, pipeline);
    if (!(netty instanceof HttpResponse res)
        || res.status().code() != HttpResponseStatus.EXPECTATION_FAILED.code()) {
      return netty;
    }
    ReferenceCountUtil.release(netty);
    ErrorReply reply =
        ErrorReply.of(
            417,
            "Expectation failed: the only Expect header served is 100-continue, not '"
                + expect
                + "'",
            "invalid_request");
    HttpHandler.log(
        state,
        HttpHandler.RequestInfo.of(
            start instanceof HttpRequest req ? req : null, false, state.ticker.nanos()),
        reply.status());
    return HttpHandler.errorResponse(reply, false);
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
