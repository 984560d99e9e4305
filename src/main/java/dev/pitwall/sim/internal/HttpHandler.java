package dev.pitwall.sim.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one connection: routes each request to its endpoint and answers in OpenRouter's shapes.
 * Chat completions are planned at once ({@link CallPlanner}) and carried out by a {@link CallRun}.
 *
 * <p>Responses leave in the order of their requests (HTTP/1.1 pipelining). A request that arrives
 * while a call is still answering on this connection waits, keeping its arrival time, until that
 * call ends; without this, two calls would write into one response.
 *
 * <p>Thread-safety: one instance per channel, used only from its event loop.
 */
public final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final Logger LOG = LoggerFactory.getLogger("dev.pitwall.sim");
  private static final String API = "/api/v1";

  /** Requests a connection may queue behind a running call before it is closed as abusive. */
  private static final int MAX_WAITING = 64;

  private final ServerState state;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private boolean busy;

  private record Waiting(FullHttpRequest request, long arrivalNanos) {}

  public HttpHandler(ServerState state) {
    this.state = state;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    long arrival = state.ticker.nanos();
    if (busy) {
      if (waiting.size() >= MAX_WAITING) {
        LOG.debug("more than {} requests queued behind a call; closing", MAX_WAITING);
        ctx.close();
        return;
      }
      waiting.add(new Waiting(req.retain(), arrival));
      return;
    }
    serve(ctx, req, arrival);
  }

  /** Whether a call is still answering on this connection (requests may be waiting behind it). */
  boolean answering() {
    return busy;
  }

  /** On the event loop, when the running call has ended: serves the requests queued behind it. */
  private void callEnded(ChannelHandlerContext ctx) {
    busy = false;
    while (!busy && !waiting.isEmpty() && ctx.channel().isActive()) {
      Waiting w = waiting.poll();
      try {
        serve(ctx, w.request(), w.arrivalNanos());
      } finally {
        w.request().release();
      }
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    Waiting w;
    while ((w = waiting.poll()) != null) {
      w.request().release();
    }
  }

  private void serve(ChannelHandlerContext ctx, FullHttpRequest req, long arrival) {
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    RequestInfo info = RequestInfo.of(req, keepAlive, arrival);
    if (!req.decoderResult().isSuccess()) {
      info.keepAlive = false;
      sendError(ctx, info, ErrorReply.of(400, "Malformed HTTP request", "invalid_request"));
      return;
    }
    if (req.protocolVersion().majorVersion() != 1) {
      // Netty's decoder takes any HTTP/x.y; an h2c client's preface ("PRI * HTTP/2.0") lands here.
      info.keepAlive = false;
      sendError(
          ctx,
          info,
          ErrorReply.of(
              505,
              req.protocolVersion().text()
                  + " is not served: the simulator speaks HTTP/1.1 over plain TCP"
                  + " (no h2c prior knowledge, no upgrade)",
              "invalid_request"));
      return;
    }
    String path = info.path;
    String key;
    try {
      key = bearerKey(req);
    } catch (IllegalArgumentException e) {
      sendError(ctx, info, ErrorReply.of(401, e.getMessage(), "authentication"));
      return;
    }
    boolean open =
        path.equals(API + "/models")
            || path.startsWith(API + "/models/")
            || path.startsWith(API + "/model/");
    if (key == null && state.requireKey && !open) {
      sendError(ctx, info, ErrorReply.of(401, "No auth credentials found", "authentication"));
      return;
    }
    String account = key == null ? "" : key;
    if (path.equals(API + "/chat/completions")) {
      if (require(ctx, info, req, HttpMethod.POST)) {
        chat(ctx, info, req, account);
      }
    } else if (path.equals(API + "/models")) {
      if (require(ctx, info, req, HttpMethod.GET)) {
        sendJson(ctx, info, 200, Wire.models(state.profile), Map.of());
      }
    } else if (path.startsWith(API + "/models/") && path.endsWith("/endpoints")) {
      if (require(ctx, info, req, HttpMethod.GET)) {
        String id =
            path.substring((API + "/models/").length(), path.length() - "/endpoints".length());
        var model = state.profile.model(id);
        if (model.isPresent()) {
          sendJson(ctx, info, 200, Wire.endpoints(model.get()), Map.of());
        } else {
          sendError(ctx, info, ErrorReply.of(404, "No model found for " + id, "invalid_request"));
        }
      }
    } else if (path.startsWith(API + "/model/") || path.startsWith(API + "/models/")) {
      if (require(ctx, info, req, HttpMethod.GET)) {
        String id = path.substring(path.indexOf('/', API.length() + 1) + 1);
        var model = state.profile.model(id);
        if (model.isPresent()) {
          sendJson(ctx, info, 200, Wire.bytes(Map.of("data", Wire.model(model.get()))), Map.of());
        } else {
          sendError(ctx, info, ErrorReply.of(404, "No model found for " + id, "invalid_request"));
        }
      }
    } else if (path.equals(API + "/generation")) {
      if (require(ctx, info, req, HttpMethod.GET)) {
        generation(ctx, info, req);
      }
    } else if (path.equals(API + "/key") || path.equals(API + "/auth/key")) {
      if (require(ctx, info, req, HttpMethod.GET)) {
        sendJson(ctx, info, 200, keyBody(key, account), Map.of());
      }
    } else {
      sendError(ctx, info, ErrorReply.of(404, "Not Found: " + path, "invalid_request"));
    }
  }

  private boolean require(
      ChannelHandlerContext ctx, RequestInfo info, FullHttpRequest req, HttpMethod method) {
    if (req.method().equals(method)) {
      return true;
    }
    sendJson(
        ctx,
        info,
        405,
        Wire.error(
            ErrorReply.of(
                405,
                "Method "
                    + req.method().name()
                    + " not allowed on "
                    + info.path
                    + "; use "
                    + method,
                "invalid_request")),
        Map.of(HttpHeaderNames.ALLOW.toString(), method.name()));
    return false;
  }

  private void chat(ChannelHandlerContext ctx, RequestInfo info, FullHttpRequest req, String key) {
    byte[] body = ByteBufUtil.getBytes(req.content());
    ChatRequest chat;
    try {
      chat = ChatRequest.parse(Wire.JSON, body);
    } catch (ChatRequest.BadRequest e) {
      sendError(ctx, info, ErrorReply.of(400, e.getMessage(), "invalid_request"));
      return;
    }
    info.model = chat.model();
    BigDecimal remaining = state.accounts.limitRemaining(key);
    if (remaining != null && remaining.signum() == 0) {
      // OpenRouter's answer when the key's credit limit (or the balance) is used up.
      sendError(
          ctx,
          info,
          ErrorReply.of(
              402,
              "Insufficient credits. This key's limit of $"
                  + state.profile.rateLimits().creditLimitUsd().toPlainString()
                  + " is used up.",
              "payment_required"));
      return;
    }
    KeyAccounts.Admission admission = state.accounts.admit(key);
    if (!admission.admitted()) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("error_type", "rate_limit_exceeded");
      metadata.put("limit", admission.limit());
      metadata.put("retry_after_seconds", admission.retryAfterS());
      ErrorReply reply =
          new ErrorReply(
              429,
              "Rate limit exceeded: "
                  + admission.limitValue()
                  + " "
                  + admission.limit().replace('_', ' ')
                  + " for this key",
              metadata,
              admission.retryAfterS(),
              false);
      long resetMs = state.clock.millis() + admission.retryAfterS() * 1000L;
      sendJson(
          ctx,
          info,
          429,
          Wire.error(reply),
          Map.of(
              HttpHeaderNames.RETRY_AFTER.toString(),
              String.valueOf(admission.retryAfterS()),
              "X-RateLimit-Limit",
              String.valueOf(admission.limitValue()),
              "X-RateLimit-Remaining",
              "0",
              "X-RateLimit-Reset",
              String.valueOf(resetMs)));
      return;
    }
    long seq = state.calls.getAndIncrement();
    CallPlan plan =
        state.planner.plan(
            chat, seq, state.elapsedSeconds(info.arrivalNanos), state.clock.millis() / 1000);
    long generation = GenerationStore.NONE;
    if (plan.served()) {
      info.model = plan.replyModel();
      info.provider = plan.endpoint().providerName();
      generation =
          state.generations.put(
              plan,
              state.generations.shared(req.headers().get("HTTP-Referer")),
              state.generations.shared(req.headers().get(HttpHeaderNames.USER_AGENT)));
      state.accounts.charge(key, plan.promptTokens() + plan.completionTokens(), plan.cost());
    }
    busy = true;
    new CallRun(ctx, state, info, plan, generation, () -> callEnded(ctx)).start();
  }

  private void generation(ChannelHandlerContext ctx, RequestInfo info, FullHttpRequest req) {
    List<String> ids = new QueryStringDecoder(req.uri()).parameters().get("id");
    if (ids == null || ids.isEmpty() || ids.get(0).isBlank()) {
      sendError(
          ctx, info, ErrorReply.of(400, "Query parameter \"id\" is required", "invalid_request"));
      return;
    }
    GenerationRecord record = state.generations.get(ids.get(0));
    if (record == null) {
      sendError(
          ctx,
          info,
          ErrorReply.of(404, "Generation " + ids.get(0) + " not found", "invalid_request"));
      return;
    }
    sendJson(ctx, info, 200, record.toJson(), Map.of());
  }

  private byte[] keyBody(String key, String account) {
    Map<String, Object> rateLimit = new LinkedHashMap<>();
    Integer rpm = state.profile.rateLimits().requestsPerMinute();
    rateLimit.put("requests", rpm == null ? -1 : rpm);
    rateLimit.put("interval", "1m");
    rateLimit.put("note", "simulated");
    var usage = state.accounts.usage(account);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("label", maskKey(key));
    d.put("limit", state.profile.rateLimits().creditLimitUsd());
    d.put("limit_remaining", state.accounts.limitRemaining(account));
    d.put("limit_reset", null);
    d.put("include_byok_in_limit", false);
    d.put("usage", usage);
    d.put("usage_daily", usage);
    d.put("usage_weekly", usage);
    d.put("usage_monthly", usage);
    d.put("byok_usage", 0);
    d.put("byok_usage_daily", 0);
    d.put("byok_usage_weekly", 0);
    d.put("byok_usage_monthly", 0);
    d.put("is_free_tier", false);
    d.put("is_management_key", false);
    d.put("is_provisioning_key", false);
    d.put("creator_user_id", "user_simulated");
    d.put("expires_at", null);
    d.put("rate_limit", rateLimit);
    return Wire.bytes(Map.of("data", d));
  }

  /** "sk-or-v1-au7...890": enough to recognise a key, never enough to use it. */
  static String maskKey(String key) {
    if (key == null) {
      return "(no key)";
    }
    if (key.length() < 16) {
      return "***";
    }
    return key.substring(0, 11) + "..." + key.substring(key.length() - 3);
  }

  /** The Bearer key, null when no Authorization header is sent; a malformed one is rejected. */
  static String bearerKey(FullHttpRequest req) {
    String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (auth == null) {
      return null;
    }
    if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.substring(7).isBlank()) {
      throw new IllegalArgumentException(
          "Missing Authentication header: expected \"Authorization: Bearer <key>\"");
    }
    return auth.substring(7).trim();
  }

  static String pathOf(String uri) {
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  void sendError(ChannelHandlerContext ctx, RequestInfo info, ErrorReply reply) {
    sendError(ctx, state, info, reply);
  }

  static void sendError(
      ChannelHandlerContext ctx, ServerState state, RequestInfo info, ErrorReply reply) {
    write(ctx, state, info, errorResponse(reply, info.keepAlive));
  }

  /** An error reply as a whole response: its envelope (or HTML page) and any Retry-After. */
  static FullHttpResponse errorResponse(ErrorReply reply, boolean keepAlive) {
    Map<String, String> headers =
        reply.retryAfterS() == null
            ? Map.of()
            : Map.of(HttpHeaderNames.RETRY_AFTER.toString(), String.valueOf(reply.retryAfterS()));
    return response(
        reply.status(),
        reply.html() ? "text/html; charset=utf-8" : "application/json",
        Wire.error(reply),
        headers,
        keepAlive);
  }

  private void sendJson(
      ChannelHandlerContext ctx,
      RequestInfo info,
      int status,
      byte[] body,
      Map<String, String> headers) {
    send(ctx, state, info, status, "application/json", body, headers);
  }

  static void send(
      ChannelHandlerContext ctx,
      ServerState state,
      RequestInfo info,
      int status,
      String contentType,
      byte[] body,
      Map<String, String> headers) {
    write(ctx, state, info, response(status, contentType, body, headers, info.keepAlive));
  }

  private static void write(
      ChannelHandlerContext ctx, ServerState state, RequestInfo info, FullHttpResponse res) {
    int status = res.status().code();
    if (info.keepAlive) {
      ctx.writeAndFlush(res);
    } else {
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }
    log(state, info, status);
  }

  /** A whole response, with its length and {@code Connection} header. */
  static FullHttpResponse response(
      int status, String contentType, byte[] body, Map<String, String> headers, boolean keepAlive) {
    ByteBuf content = Unpooled.wrappedBuffer(body);
    FullHttpResponse res =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), content);
    res.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, contentType)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    headers.forEach(res.headers()::set);
    res.headers()
        .set(
            HttpHeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    return res;
  }

  /** Closes with SO_LINGER 0, so the peer sees a TCP reset rather than an orderly end. */
  static void reset(ChannelHandlerContext ctx) {
    ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    ctx.close();
  }

  static void log(ServerState state, RequestInfo info, Object status) {
    if (state.logRequests && LOG.isInfoEnabled()) {
      long ms = (state.ticker.nanos() - info.arrivalNanos) / 1_000_000;
      LOG.info(
          "{} {} model={} provider={} status={} ms={}",
          info.method,
          info.path,
          info.model == null ? "-" : info.model,
          info.provider == null ? "-" : info.provider,
          status,
          ms);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("connection error, closing: {}", cause.toString());
    ctx.close();
  }

  /** Per-request facts the log line and the response need. */
  static final class RequestInfo {
    final String method;
    final String path;
    boolean keepAlive;
    final long arrivalNanos;
    String model;
    String provider;

    RequestInfo(String method, String path, boolean keepAlive, long arrivalNanos) {
      this.method = method;
      this.path = path;
      this.keepAlive = keepAlive;
      this.arrivalNanos = arrivalNanos;
    }

    /** For {@code req}, or for a request whose head never came whole ({@code null}: "-"). */
    static RequestInfo of(HttpRequest req, boolean keepAlive, long arrivalNanos) {
      return req == null
          ? new RequestInfo("-", "-", keepAlive, arrivalNanos)
          : new RequestInfo(req.method().name(), pathOf(req.uri()), keepAlive, arrivalNanos);
    }
  }
}
