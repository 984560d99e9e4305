package dev.pitwall.sim.internal;

import dev.pitwall.sim.CallTimings;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Carries out one {@link CallPlan} on the channel's event loop. Each step is due at a fixed offset
 * from the request's arrival, and the next wake-up is scheduled for that absolute time, so timer
 * slack does not accumulate over a long stream; no thread is held while waiting. Wake-ups are
 * rounded up to the transport's grid ({@link Transport#wakeGridNanos()}), so streams due close
 * together share one, and each wake-up sends what is due within the next half step: the error is
 * centred on the profile (within ± half a step, plus wake-up latency) instead of always late.
 *
 * <p>Thread-safety: confined to the channel's event loop.
 */
final class CallRun {
  private final ChannelHandlerContext ctx;
  private final ServerState state;
  private final HttpHandler.RequestInfo info;
  private final CallPlan plan;

  /** The call's handle in the generation store, or {@link GenerationStore#NONE}. */
  private final long generation;

  private final List<Step> steps;
  private final Runnable onEnd;
  private String prefix;
  // A token chunk is tokenHead + the quoted text + tokenTail; both ends are encoded once a stream.
  private byte[] tokenHead;
  private byte[] tokenTail;
  private ChunkWriter chunks;
  // Reused for each token's quoted text, so a token event allocates only its output buffer.
  private final StringBuilder quoted = new StringBuilder(64);
  private int next;
  private boolean finished;
  private Future<?> pending;
  // When the first and last token events were flushed (ticker nanos), for CallTimings.
  private long firstTokenNanos = -1;
  private long lastTokenNanos = -1;
  // A token event written but not yet flushed: stamped at the flush that sends it.
  private boolean tokenUnflushed;
  private final ChannelFutureListener onClose = f -> onClose();

  /**
   * @param onEnd runs when the response is complete and the connection stays open for its next
   *     request
   */
  CallRun(
      ChannelHandlerContext ctx,
      ServerState state,
      HttpHandler.RequestInfo info,
      CallPlan plan,
      long generation,
      Runnable onEnd) {
    this.ctx = ctx;
    this.state = state;
    this.info = info;
    this.plan = plan;
    this.generation = generation;
    this.onEnd = onEnd;
    this.steps = plan.stream() ? plan.steps() : nonStreamSteps(plan.steps());
  }

  /**
   * A non-streaming reply only acts at its terminal step: the body at DONE (cut short if the plan
   * has a broken chunk), a 502 instead of a mid-stream error, a reset or a hang.
   */
  private static List<Step> nonStreamSteps(List<Step> steps) {
    for (Step s : steps) {
      switch (s.kind()) {
        case DONE, STREAM_ERROR, RESET, HANG, ERROR_REPLY -> {
          return List.of(s);
        }
        default -> {}
      }
    }
    throw new IllegalStateException("plan without a terminal step");
  }

  void start() {
    ctx.channel().closeFuture().addListener(onClose);
    run();
  }

  private void run() {
    pending = null;
    if (finished) {
      return;
    }
    long clock = state.ticker.nanos();
    long now = clock - info.arrivalNanos;
    boolean wrote = false;
    while (next < steps.size() && !finished) {
      Step step = steps.get(next);
      if (step.atNanos() > now + state.wakeGridNanos / 2) {
        break;
      }
      next++;
      tokenUnflushed |= step.kind() == Step.Kind.TOKENS;
      wrote |= execute(step);
    }
    if (wrote && !finished) {
      chunks.flush();
    }
    if (tokenUnflushed && !finished) {
      tokenFlushed(state.ticker.nanos());
    }
    if (!finished && next < steps.size()) {
      long grid = state.wakeGridNanos;
      long wakeAt = info.arrivalNanos + steps.get(next).atNanos() - grid / 2;
      long delay = Math.floorDiv(wakeAt + grid - 1, grid) * grid - clock;
      pending = ctx.executor().schedule(this::run, delay, TimeUnit.NANOSECONDS);
    }
  }

  /** Returns true when it wrote something that still needs a flush. */
  private boolean execute(Step step) {
    switch (step.kind()) {
      case HEADERS -> {
        HttpResponse res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        res.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
            .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
            .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
            .set("X-Generation-Id", plan.id())
            .set(
                HttpHeaderNames.CONNECTION,
                info.keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        ctx.write(res, ctx.voidPromise());
        chunks = new ChunkWriter(ctx);
        prefix = Wire.chunkPrefix(plan);
        tokenHead = Wire.tokenHead(prefix).getBytes(StandardCharsets.UTF_8);
        tokenTail = Wire.tokenTail(plan).getBytes(StandardCharsets.UTF_8);
        return true;
      }
      case COMMENT -> write(Wire.PROCESSING);
      case TOKENS -> {
        quoted.setLength(0);
        chunks.write(tokenHead, Wire.appendQuoted(quoted, step.text()), tokenTail);
      }
      case BROKEN_JSON -> write(Wire.brokenChunk(plan, prefix, step.text()));
      case STREAM_ERROR -> {
        if (plan.stream()) {
          write(Wire.errorChunk(plan));
        } else {
          HttpHandler.sendError(
              ctx,
              state,
              info,
              ErrorReply.of(502, "Provider returned error", "provider_unavailable"));
          finish(info.keepAlive);
        }
      }
      case FINISH -> write(Wire.finishChunk(plan, prefix));
      case USAGE -> write(Wire.usageChunk(plan, prefix));
      case DONE -> {
        if (plan.stream()) {
          write(Wire.DONE);
          // The last chunk goes through the codec, which resets it for the next request.
          var f = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
          if (!info.keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
          }
          HttpHandler.log(state, info, 200);
        } else {
          byte[] body = Wire.completion(plan);
          if (plan.first(Step.Kind.BROKEN_JSON) != null) {
            body = Arrays.copyOf(body, body.length / 2);
          }
          HttpHandler.send(
              ctx,
              state,
              info,
              200,
              "application/json",
              body,
              Map.of("X-Generation-Id", plan.id()));
        }
        finish(info.keepAlive);
        return false;
      }
      case ERROR_REPLY -> {
        HttpHandler.sendError(ctx, state, info, plan.error());
        finish(info.keepAlive);
        return false;
      }
      case RESET -> {
        finish(false);
        HttpHandler.log(state, info, "reset");
        // What was written before the reset reaches the client first, as after a real upstream cut.
        ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
            .addListener(f -> HttpHandler.reset(ctx));
        return false;
      }
      case HANG -> {
        // Nothing more is sent; onClose() records the cancellation when the client gives up.
        return false;
      }
    }
    return true;
  }

  private boolean write(String text) {
    chunks.write(text);
    return true;
  }

  /**
   * @param servesOn whether the connection stays open for its next request
   */
  private void finish(boolean servesOn) {
    finished = true;
    // A kept-alive connection serves call after call: a listener left on its close future would
    // keep every finished call (plan, steps, text) alive as long as the connection.
    ctx.channel().closeFuture().removeListener(onClose);
    long end = state.ticker.nanos();
    state.generations.complete(generation, end - info.arrivalNanos);
    reportTimings(end);
    if (servesOn) {
      onEnd.run();
    }
  }

  private void onClose() {
    if (finished) {
      return;
    }
    finished = true;
    if (pending != null) {
      pending.cancel(false);
    }
    long end = state.ticker.nanos();
    state.generations.cancel(generation, end - info.arrivalNanos);
    reportTimings(end);
    HttpHandler.log(state, info, "cancelled");
  }

  private void tokenFlushed(long nanos) {
    tokenUnflushed = false;
    lastTokenNanos = nanos;
    if (firstTokenNanos < 0) {
      firstTokenNanos = nanos;
    }
  }

  /**
   * A non-streaming body is its tokens: they count as written when the call ends. A token step that
   * is the last step (DONE on the same wake-up) is flushed by the DONE write itself.
   */
  private void reportTimings(long end) {
    CallTimings timings = state.timings;
    if (timings == CallTimings.NONE) {
      return;
    }
    if (tokenUnflushed) {
      tokenFlushed(end); // the response's last write sent it
    }
    long first = plan.stream() ? firstTokenNanos : end;
    long last = plan.stream() ? lastTokenNanos : end;
    timings.callEnded(plan.id(), info.arrivalNanos, first, last, end);
  }
}
