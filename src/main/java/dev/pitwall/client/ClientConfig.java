package dev.pitwall.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Where and how to call: the base URL ending in {@code /api/v1} (or {@code /v1} for another
 * OpenAI-compatible server), the key (may be null for servers that need none), attribution headers,
 * the connect timeout, and the network path: the proxy HTTPS goes through, the TLS context, and how
 * long an idle keep-alive connection may wait in the pool before it is no longer reused.
 *
 * @param proxy null: no proxy
 * @param tls null: the JDK's default context (its trust store honours {@code
 *     javax.net.ssl.trustStore}); embedding code and tests may hand their own
 * @param keepaliveIdle an idle pooled connection older than this is closed instead of reused: below
 *     the idle timeouts of common CDNs and load balancers, so a reused connection is rarely one the
 *     far side has just closed
 */
public record ClientConfig(
    URI baseUrl,
    ApiKey apiKey,
    String referer,
    String title,
    Duration connectTimeout,
    ProxySettings proxy,
    SSLContext tls,
    Duration keepaliveIdle) {
  public static final String DEFAULT_REFERER = "https://github.com/pitwall-dev/pitwall";
  public static final String DEFAULT_TITLE = "pitwall";
  public static final Duration DEFAULT_KEEPALIVE_IDLE = Duration.ofSeconds(30);

  public ClientConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String s = baseUrl.toString();
    if (s.endsWith("/")) {
      baseUrl = URI.create(s.substring(0, s.length() - 1));
    }
    referer = referer == null ? DEFAULT_REFERER : referer;
    title = title == null ? DEFAULT_TITLE : title;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    keepaliveIdle = keepaliveIdle == null ? DEFAULT_KEEPALIVE_IDLE : keepaliveIdle;
    if (keepaliveIdle.isNegative()) {
      throw new IllegalArgumentException("keepaliveIdle must not be negative: " + keepaliveIdle);
    }
  }

  public static ClientConfig of(URI baseUrl, ApiKey apiKey) {
    return new ClientConfig(baseUrl, apiKey, null, null, null, null, null, null);
  }

  public ClientConfig withProxy(ProxySettings p) {
    return new ClientConfig(baseUrl, apiKey, referer, title, connectTimeout, p, tls, keepaliveIdle);
  }

  public ClientConfig withTls(SSLContext context) {
    return new ClientConfig(
        baseUrl, apiKey, referer, title, connectTimeout, proxy, context, keepaliveIdle);
  }

  public ClientConfig withKeepaliveIdle(Duration idle) {
    return new ClientConfig(baseUrl, apiKey, referer, title, connectTimeout, proxy, tls, idle);
  }

  /** Resolves a path such as {@code "chat/completions"} against the base URL. */
  public URI resolve(String path) {
    return URI.create(baseUrl + "/" + path);
  }
}
