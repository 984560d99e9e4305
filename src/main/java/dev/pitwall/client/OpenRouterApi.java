package dev.pitwall.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.client.internal.Bodies;
import dev.pitwall.client.internal.ErrorClassifier;
import dev.pitwall.client.internal.HttpLlmClient;
import dev.pitwall.client.internal.HttpTransport;
import dev.pitwall.client.internal.NetworkErrors;
import dev.pitwall.client.internal.SocketTransport;
import dev.pitwall.time.Sleeper;
import dev.pitwall.time.Ticker;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The target's look-ups outside the measured path: the key check, the model catalog, a model's
 * endpoints and the server-side record of a generation. Not for the hot path: failures are thrown
 * as {@link ApiException}s with a message a person can act on (the key check returns a {@link
 * KeyStatus} instead). Thread-safe.
 */
public final class OpenRouterApi implements AutoCloseable {
  /** OpenRouter's API base URL. */
  public static final java.net.URI OPENROUTER_BASE_URL =
      java.net.URI.create("https://openrouter.ai/api/v1");

  /** The environment variable holding the key. */
  public static final String KEY_VARIABLE = "OPENROUTER_API_KEY";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  private static final int BODY_CAP = 64 * 1024 * 1024;

  private final ClientConfig config;
  private final HttpTransport transport;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final ErrorClassifier errors;

  public OpenRouterApi(ClientConfig config) {
    this(config, new SocketTransport(config, Ticker.system()), Ticker.system(), Sleeper.system());
  }

  OpenRouterApi(ClientConfig config, HttpTransport transport, Ticker ticker, Sleeper sleeper) {
    this.config = config;
    this.transport = transport;
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.errors = new ErrorClassifier(Clock.systemUTC(), config.apiKey());
  }

  /** A failed look-up: {@code httpStatus} is 0 when the target could not be reached. */
  public static final class ApiException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    public ApiException(int httpStatus, String message) {
      super(message);
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  /** A response: status and body. */
  private record Reply(int status, String contentType, String location, byte[] body, int length) {
    JsonNode json() throws IOException {
      return MAPPER.readTree(body, 0, length);
    }
  }

  private Reply get(String path) throws ApiException {
    HttpTransport.Request r =
        new HttpTransport.Request(
            "GET", config.resolve(path), HttpLlmClient.headers(config, "application/json"), null);
    long deadline = ticker.nanos() + READ_TIMEOUT.toNanos();
    try (HttpTransport.Exchange ex =
        transport.send(r, config.connectTimeout().toNanos(), READ_TIMEOUT.toNanos())) {
      Bodies.Body body = Bodies.readAll(ex, ticker, deadline, BODY_CAP);
      if (body.truncated()) {
        throw new ApiException(ex.status(), "GET " + path + ": reply larger than 64 MiB");
      }
      return new Reply(
          ex.status(),
          ex.header("content-type"),
          ex.header("location"),
          body.bytes(),
          body.length());
    } catch (ApiException e) {
      throw e;
    } catch (IOException e) {
      java.net.URI uri = config.resolve(path);
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      throw new ApiException(
          0,
          errors.redact(
              "cannot reach " + uri + ": " + NetworkErrors.plain(uri.getHost(), port, e)));
    }
  }

  private ApiException failure(String path, Reply r) {
    if (r.status() / 100 == 3) {
      return new ApiException(
          r.status(), "GET " + path + ": " + NetworkErrors.redirect(r.status(), r.location()));
    }
    ErrorClassifier.Classified c =
        errors.classify(r.status(), r.contentType(), null, r.body(), r.length());
    String hint =
        r.status() == 401
            ? "; set OPENROUTER_API_KEY to a valid key"
            : r.status() == 404 ? "; is the base URL right (it ends in /api/v1)?" : "";
    return new ApiException(
        r.status(), "GET " + path + " failed with HTTP " + r.status() + ": " + c.message() + hint);
  }

  private JsonNode getJson(String path) throws ApiException {
    Reply r = get(path);
    if (r.status() / 100 != 2) {
      throw failure(path, r);
    }
    try {
      return r.json();
    } catch (IOException e) {
      throw new ApiException(r.status(), "GET " + path + " did not return JSON");
    }
  }

  /**
   * Checks the key with {@code GET /key}. A 401/403 is an invalid key; a 404 means the target has
   * no key endpoint (an OpenAI-compatible server other than OpenRouter): the key is taken as valid.
   */
  public KeyStatus key() {
    Reply r;
    try {
      r = get("key");
    } catch (ApiException e) {
      return new KeyStatus(false, 0, e.getMessage(), null, null, null);
    }
    if (r.status() == 404) {
      return new KeyStatus(true, 404, null, null, null, null);
    }
    if (r.status() / 100 != 2) {
      return new KeyStatus(false, r.status(), failure("key", r).getMessage(), null, null, null);
    }
    try {
      JsonNode d = r.json().path("data");
      JsonNode remaining = d.get("limit_remaining");
      return new KeyStatus(
          true,
          r.status(),
          null,
          d.path("label").asText(null),
          remaining == null || remaining.isNull() ? null : new BigDecimal(remaining.asText()),
          d.path("is_free_tier").isBoolean() ? d.get("is_free_tier").asBoolean() : null);
    } catch (IOException | NumberFormatException e) {
      return new KeyStatus(true, r.status(), null, null, null, null);
    }
  }

  /** {@code GET /models}. */
  public ModelCatalog models() throws ApiException {
    Reply r = get("models");
    if (r.status() / 100 != 2) {
      throw failure("models", r);
    }
    try {
      return ModelCatalog.parse(java.util.Arrays.copyOf(r.body(), r.length()));
    } catch (IOException e) {
      throw new ApiException(r.status(), "GET models: " + e.getMessage());
    }
  }

  /** {@code GET /models/{author}/{slug}/endpoints}: the providers serving {@code model}. */
  public List<Endpoint> endpoints(String model) throws ApiException {
    if (model.indexOf('/') <= 0) {
      throw new ApiException(0, "a model id looks like author/slug, not '" + model + "'");
    }
    JsonNode eps = getJson("models/" + model + "/endpoints").path("data").path("endpoints");
    List<Endpoint> out = new ArrayList<>();
    for (JsonNode e : eps) {
      out.add(
          new Endpoint(
              e.path("provider_name").asText(null),
              e.path("tag").asText(null),
              intOrNull(e.get("context_length")),
              intOrNull(e.get("max_completion_tokens")),
              e.path("quantization").asText(null),
              ModelCatalog.pricing(e.path("pricing")),
              ModelCatalog.strings(e.path("supported_parameters")),
              doubleOrNull(e.get("uptime_last_30m")),
              doubleOrNull(e.path("latency_last_30m").get("p50")),
              doubleOrNull(e.path("throughput_last_30m").get("p50"))));
    }
    return out;
  }

  /**
   * {@code GET /generation?id=}: the server's record of a generation. It can 404 for about a second
   * after the completion ends, so a 404 is retried up to {@code attempts} times, 500 ms apart.
   */
  public Optional<GenerationInfo> generation(String id, int attempts) throws ApiException {
    String path = "generation?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    for (int i = 1; ; i++) {
      Reply r = get(path);
      if (r.status() == 404) {
        if (i >= attempts) {
          return Optional.empty();
        }
        try {
          sleeper.sleepNanos(500_000_000L);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
        continue;
      }
      if (r.status() / 100 != 2) {
        throw failure(path, r);
      }
      try {
        JsonNode d = r.json().path("data");
        return Optional.of(
            new GenerationInfo(
                d.path("id").asText(id),
                d.path("model").asText(null),
                d.path("provider_name").asText(null),
                doubleOrNull(d.get("latency")),
                doubleOrNull(d.get("generation_time")),
                intOrNull(d.get("tokens_prompt")),
                intOrNull(d.get("tokens_completion")),
                ModelCatalog.decimal(d.get("total_cost")),
                d.path("is_byok").isBoolean() ? d.get("is_byok").asBoolean() : null,
                d.path("finish_reason").asText(null),
                d.path("cancelled").isBoolean() ? d.get("cancelled").asBoolean() : null,
                ModelCatalog.decimal(d.get("upstream_inference_cost"))));
      } catch (IOException e) {
        throw new ApiException(r.status(), "GET generation did not return JSON");
      }
    }
  }

  private static Integer intOrNull(JsonNode n) {
    return n == null || !n.isNumber() ? null : n.asInt();
  }

  private static Double doubleOrNull(JsonNode n) {
    return n == null || !n.isNumber() ? null : n.asDouble();
  }

  @Override
  public void close() {
    transport.close();
  }
}
