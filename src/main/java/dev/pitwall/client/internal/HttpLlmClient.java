package dev.pitwall.client.internal;

import dev.pitwall.client.ChatCall;
import dev.pitwall.client.ClientConfig;
import dev.pitwall.client.ClientResult;
import dev.pitwall.client.LlmClient;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Route;
import dev.pitwall.suite.Timeouts;
import dev.pitwall.time.Ticker;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link LlmClient} over an {@link HttpTransport}: encodes the call, stamps t_send just before
 * handing it to the transport, and reads the reply with the {@link SseParser} and {@link
 * CompletionAccumulator}, stamping each transport read once. Every failure of the target becomes a
 * {@link ClientResult} outcome; nothing the server does is thrown.
 */
public final class HttpLlmClient implements LlmClient {
  private static final int ERROR_BODY_CAP = 64 * 1024;
  private static final int BODY_CAP = 32 * 1024 * 1024;
  private static final long DRAIN_AFTER_DONE_NANOS = 200_000_000L;

  private final HttpTransport transport;
  private final Ticker ticker;
  private final URI chatUri;
  private final Map<String, String> streamHeaders;
  private final Map<String, String> plainHeaders;
  private final Map<String, String> gzipHeaders;
  private final ErrorClassifier errors;
  private final Function<String, Set<String>> supportedParameters;
  private final Map<BodyKey, byte[]> bodies = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * The most request bodies kept: one per cell of a suite (model × prompt × route × parameters), so
   * a suite never comes near it; past it, bodies are encoded at each call.
   */
  private static final int MAX_KEPT_BODIES = 4096;

  /** What a request body is made of, the nonce apart (a body with one is never kept). */
  private record BodyKey(
      String model, List<Message> messages, RequestParams params, Route route, JsonMode mode) {}

  /**
   * @param supportedParameters a model's {@code supported_parameters}, or null when unknown
   */
  public HttpLlmClient(
      ClientConfig config,
      HttpTransport transport,
      Ticker ticker,
      Clock clock,
      Function<String, Set<String>> supportedParameters) {
    this.transport = transport;
    this.ticker = ticker;
    this.chatUri = config.resolve("chat/completions");
    this.streamHeaders = headers(config, "text/event-stream");
    this.plainHeaders = headers(config, "application/json");
    Map<String, String> gz = new LinkedHashMap<>(plainHeaders);
    gz.put("Accept-Encoding", "gzip");
    this.gzipHeaders = Collections.unmodifiableMap(gz);
    this.errors = new ErrorClassifier(clock, config.apiKey());
    this.supportedParameters = supportedParameters;
  }

  /**
   * The JSON body of a call. A cell's calls without a nonce all send the same bytes: they are
   * encoded once and sent again (the transport only reads them), which spares each call a JSON tree
   * and its encoding.
   */
  private byte[] body(ChatCall call, JsonMode mode) {
    if (call.nonce() != null) {
      return ChatRequestEncoder.encode(call, mode);
    }
    BodyKey key = new BodyKey(call.model(), call.messages(), call.params(), call.route(), mode);
    byte[] body = bodies.get(key);
    if (body == null) {
      body = ChatRequestEncoder.encode(call, mode);
      if (bodies.size() < MAX_KEPT_BODIES) {
        bodies.putIfAbsent(key, body);
      }
    }
    return body;
  }

  /** The headers every request of this config carries. */
  public static Map<String, String> headers(ClientConfig config, String accept) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("Accept", accept);
    h.put("User-Agent", "pitwall");
    if (config.apiKey() != null) {
      h.put("Authorization", "Bearer " + config.apiKey().reveal());
    }
    h.put("HTTP-Referer", config.referer());
    h.put("X-Title", config.title());
    h.put("X-OpenRouter-Title", config.title());
    return Collections.unmodifiableMap(h);
  }

  @Override
  public ClientResult complete(ChatCall call) {
    boolean stream = call.params().stream();
    JsonMode mode = JsonModePolicy.decide(call.model(), supportedParameters.apply(call.model()));
    HttpTransport.Request request =
        new HttpTransport.Request(
            "POST",
            chatUri,
            stream ? streamHeaders : call.params().gzip() ? gzipHeaders : plainHeaders,
            body(call, mode));
    Timeouts to = call.timeouts();
    long tBefore = ticker.nanos();
    if (closed || Thread.currentThread().isInterrupted()) {
      return noTokens(
              Outcome.CANCELLED,
              0,
              "cancelled",
              "client closed or interrupted",
              tBefore,
              tBefore,
              null,
              ClientResult.NONE)
          .build();
    }
    HttpTransport.Exchange ex;
    try {
      // a non-streamed reply may send its head only when the whole completion is done
      long headTimeout =
          stream ? Math.min(to.total().toNanos(), to.firstToken().toNanos()) : to.total().toNanos();
      ex = transport.send(request, to.connect().toNanos(), headTimeout);
    } catch (IOException | RuntimeException e) {
      return beforeResponse(e, tBefore, to);
    }
    // t_send is when the request went out on a ready connection: connect, proxy tunnel and TLS
    // handshake are reported apart (connect_ms, tls_ms), never as the server's latency
    long tSend = ex.sentNanos() != HttpTransport.UNSTAMPED ? ex.sentNanos() : tBefore;
    long totalDeadline = tSend + to.total().toNanos();
    long firstDeadline = Math.min(totalDeadline, tSend + to.firstToken().toNanos());
    try (ex) {
      int status = ex.status();
      if (status < 200 || status >= 300) {
        return errorResponse(ex, status, tSend, totalDeadline);
      }
      String type = ex.header("content-type");
      boolean sse =
          type == null
              ? stream // a server that names no type: trust what was asked for
              : type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
      Reply reply =
          sse
              ? readStream(ex, call, tSend, firstDeadline, totalDeadline)
              : readBody(ex, call, tSend, totalDeadline);
      return reply.toResult(status, tSend, ex);
    } catch (RuntimeException e) {
      // a safety net: whatever the reply was, the run goes on with a counted failure
      return noTokens(
              Outcome.INVALID,
              ex.status(),
              "client",
              "unreadable reply: " + describe(e),
              tSend,
              ticker.nanos(),
              null,
              ClientResult.NONE)
          .connection(ex.connectNanos(), ex.tlsNanos())
          .build();
    }
  }

  /** The accumulated reply and how it ended. */
  private final class Reply {
    final CompletionAccumulator acc;
    Outcome outcome;
    String code;
    String message;
    long tDone;

    Reply(CompletionAccumulator acc) {
      this.acc = acc;
    }

    ClientResult toResult(int status, long tSend, HttpTransport.Exchange ex) {
      String generationHeader = ex.header("x-generation-id");
      long retryAfter =
          acc.retryAfterSeconds() >= 0
              ? acc.retryAfterSeconds() * 1_000_000_000L
              : ClientResult.NONE;
      String id = acc.id() != null ? acc.id() : generationHeader;
      return ClientResult.builder(outcome)
          .httpStatus(status)
          .errorCode(code)
          .errorMessage(message == null ? null : errors.redact(message))
          .tSendNs(tSend)
          .tFirstNs(acc.tFirst())
          .tAnswerNs(acc.tAnswer())
          .tLastNs(acc.tLast())
          .tDoneNs(tDone)
          .generationId(id)
          .servedProvider(acc.provider())
          .servedModel(acc.model())
          .finishReason(acc.finishReason())
          .usage(acc.usage())
          .estimatedCompletionTokens(acc.estimatedCompletionTokens())
          .tokenEvents(acc.tokenEvents())
          .retryAfterNanos(retryAfter)
          .gaps(acc.gaps(), acc.gapCount())
          .connection(ex.connectNanos(), ex.tlsNanos())
          .build();
    }

    void judgeJson(ChatCall call) {
      if (outcome == Outcome.OK && call.params().jsonMode()) {
        String problem = JsonModePolicy.checkJsonObject(acc.content());
        if (problem != null) {
          outcome = Outcome.INVALID;
          code = "json_mode";
          message = problem;
        }
      }
    }
  }

  private Reply readStream(
      HttpTransport.Exchange ex,
      ChatCall call,
      long tSend,
      long firstDeadline,
      long totalDeadline) {
    CompletionAccumulator acc = new CompletionAccumulator(call.params().jsonMode());
    SseParser parser = new SseParser(acc);
    Reply reply = new Reply(acc);
    long now = tSend;
    try {
      while (true) {
        long deadline = acc.tFirst() == ClientResult.NONE ? firstDeadline : totalDeadline;
        int n = ex.next(deadline - now);
        now = ticker.nanos();
        if (n < 0) {
          break;
        }
        acc.arrival(now);
        if (!parser.feed(ex.array(), ex.offset(), n)) {
          break;
        }
      }
    } catch (SocketTimeoutException | HttpTimeoutException e) {
      reply.tDone = ticker.nanos();
      reply.outcome = Outcome.TIMEOUT;
      reply.code = "timeout";
      reply.message =
          acc.tFirst() == ClientResult.NONE
              ? "no token within " + (firstDeadline - tSend) / 1_000_000 + " ms"
              : "stalled after "
                  + acc.tokenEvents()
                  + " token events: total timeout of "
                  + (totalDeadline - tSend) / 1_000_000
                  + " ms";
      return reply;
    } catch (IOException e) {
      reply.tDone = ticker.nanos();
      reply.outcome = closed ? Outcome.CANCELLED : Outcome.STREAM_ERROR;
      reply.code = closed ? "cancelled" : "reset";
      reply.message = "connection broken after " + acc.events() + " events: " + describe(e);
      return reply;
    }
    boolean truncated = parser.stopped() ? false : parser.finish();
    reply.tDone = acc.done() ? acc.tDone() : now;
    reply.outcome = acc.streamOutcome(truncated);
    if (reply.outcome != Outcome.OK) {
      reply.code =
          acc.errorCode() != null
              ? acc.errorCode()
              : reply.outcome == Outcome.INVALID ? "invalid" : "truncated";
      reply.message = acc.streamProblem(truncated);
    } else {
      drain(ex, Math.min(totalDeadline, now + DRAIN_AFTER_DONE_NANOS));
    }
    reply.judgeJson(call);
    return reply;
  }

  /** Reads what follows {@code [DONE]} (the last chunk marker) so the connection can be reused. */
  private void drain(HttpTransport.Exchange ex, long deadline) {
    try {
      while (ex.next(deadline - ticker.nanos()) >= 0) {
        // nothing after [DONE] matters
      }
    } catch (IOException e) {
      // the exchange will not be reused; the result is already complete
    }
  }

  private Reply readBody(HttpTransport.Exchange ex, ChatCall call, long tSend, long totalDeadline) {
    CompletionAccumulator acc = new CompletionAccumulator(call.params().jsonMode());
    Reply reply = new Reply(acc);
    Bodies.Body body;
    try {
      body = Bodies.readAll(ex, ticker, totalDeadline, BODY_CAP);
    } catch (SocketTimeoutException | HttpTimeoutException e) {
      reply.tDone = ticker.nanos();
      reply.outcome = Outcome.TIMEOUT;
      reply.code = "timeout";
      reply.message = "no complete response within " + (totalDeadline - tSend) / 1_000_000 + " ms";
      return reply;
    } catch (IOException e) {
      reply.tDone = ticker.nanos();
      reply.outcome = closed ? Outcome.CANCELLED : Outcome.STREAM_ERROR;
      reply.code = closed ? "cancelled" : "reset";
      reply.message = "connection broken while reading the response: " + describe(e);
      return reply;
    }
    long now = ticker.nanos();
    reply.tDone = now;
    try {
      body = Gzip.decodeIfGzipped(ex.header("content-encoding"), body, BODY_CAP);
    } catch (IOException e) {
      reply.outcome = Outcome.INVALID;
      reply.code = "invalid";
      reply.message = "the body claims gzip encoding but does not decode: " + e.getMessage();
      return reply;
    }
    acc.arrival(now);
    acc.onBody(body.bytes(), 0, body.length());
    if (acc.invalidMessage() != null) {
      reply.outcome = Outcome.INVALID;
      reply.code = "invalid";
      reply.message = acc.invalidMessage();
    } else if (acc.errorEvent()) {
      reply.outcome = errorOutcome(acc.errorCode());
      reply.code = acc.errorCode() != null ? acc.errorCode() : "error";
      reply.message = acc.streamProblem(false);
    } else {
      reply.outcome = Outcome.OK;
    }
    reply.judgeJson(call);
    return reply;
  }

  /** An error object inside a 200 body: its numeric code decides, else it is the server's fault. */
  private static Outcome errorOutcome(String code) {
    try {
      int c = Integer.parseInt(code);
      return c >= 400 ? ErrorClassifier.outcomeOf(c) : Outcome.SERVER_ERROR;
    } catch (NumberFormatException e) {
      return Outcome.SERVER_ERROR;
    }
  }

  private ClientResult errorResponse(
      HttpTransport.Exchange ex, int status, long tSend, long totalDeadline) {
    Bodies.Body body;
    try {
      body = Bodies.readAll(ex, ticker, totalDeadline, ERROR_BODY_CAP);
    } catch (IOException e) {
      body = new Bodies.Body(new byte[0], 0, true);
    }
    long tDone = ticker.nanos();
    if (status / 100 == 3) {
      return noTokens(
              Outcome.CLIENT_ERROR,
              status,
              "redirect",
              NetworkErrors.redirect(status, ex.header("location")),
              tSend,
              tDone,
              null,
              ClientResult.NONE)
          .connection(ex.connectNanos(), ex.tlsNanos())
          .build();
    }
    try {
      body = Gzip.decodeIfGzipped(ex.header("content-encoding"), body, ERROR_BODY_CAP);
    } catch (IOException e) {
      body = new Bodies.Body(new byte[0], 0, true); // classified on its status alone
    }
    ErrorClassifier.Classified c =
        errors.classify(
            status,
            ex.header("content-type"),
            ex.header("retry-after"),
            body.bytes(),
            body.length());
    return noTokens(
            c.outcome(),
            status,
            c.code(),
            c.message(),
            tSend,
            tDone,
            ex.header("x-generation-id"),
            c.retryAfterNanos() < 0 ? ClientResult.NONE : c.retryAfterNanos())
        .connection(ex.connectNanos(), ex.tlsNanos())
        .build();
  }

  private ClientResult beforeResponse(Exception e, long tSend, Timeouts to) {
    long now = ticker.nanos();
    Outcome outcome;
    String message;
    if (closed) {
      outcome = Outcome.CANCELLED;
      message = "client closed";
    } else if (e instanceof HttpConnectTimeoutException) {
      outcome = Outcome.TIMEOUT;
      message = "connect timeout after " + to.connect().toMillis() + " ms (" + e.getMessage() + ")";
    } else if (e instanceof SocketTimeoutException || e instanceof HttpTimeoutException) {
      outcome = Outcome.TIMEOUT;
      message = "no response within " + to.firstToken().toMillis() + " ms";
    } else {
      outcome = Outcome.CONNECT_ERROR;
      message = NetworkErrors.plain(chatUri.getHost(), port(), e);
    }
    return noTokens(
            outcome,
            0,
            outcome == Outcome.CONNECT_ERROR ? "connect" : outcome.name().toLowerCase(Locale.ROOT),
            errors.redact(message),
            tSend,
            now,
            null,
            ClientResult.NONE)
        .build();
  }

  /** A result without any token: failures before, or instead of, a reply. */
  private static ClientResult.Builder noTokens(
      Outcome outcome,
      int status,
      String code,
      String message,
      long tSend,
      long tDone,
      String generationId,
      long retryAfterNanos) {
    return ClientResult.builder(outcome)
        .httpStatus(status)
        .errorCode(code)
        .errorMessage(message)
        .tSendNs(tSend)
        .tDoneNs(tDone)
        .generationId(generationId)
        .retryAfterNanos(retryAfterNanos);
  }

  private int port() {
    int p = chatUri.getPort();
    return p != -1 ? p : "https".equalsIgnoreCase(chatUri.getScheme()) ? 443 : 80;
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }

  @Override
  public void close() {
    closed = true;
    transport.close();
  }
}
