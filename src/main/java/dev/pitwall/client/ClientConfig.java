package dev.pitwall.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to call: the base URL ending in {@code /api/v1} (or {@code /v1} for another
 * OpenAI-compatible server), the key (may be null for servers that need none), attribution headers
 * and the connect timeout.
 */
public record ClientConfig(
    URI baseUrl, ApiKey apiKey, String referer, String title, Duration connectTimeout) {
  public static final String DEFAULT_REFERER = "https://github.com/pitwall-dev/pitwall";
  public static final String DEFAULT_TITLE = "pitwall";

  public ClientConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String s = baseUrl.toString();
    if (s.endsWith("/")) {
      baseUrl = URI.create(s.substring(0, s.length() - 1));
    }
    referer = referer == null ? DEFAULT_REFERER : referer;
    title = title == null ? DEFAULT_TITLE : title;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
  }

  public static ClientConfig of(URI baseUrl, ApiKey apiKey) {
    return new ClientConfig(baseUrl, apiKey, null, null, null);
  }

  /** Resolves a path such as {@code "chat/completions"} against the base URL. */
  public URI resolve(String path) {
    return URI.create(baseUrl + "/" + path);
  }
}
