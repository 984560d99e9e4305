package dev.pitwall;

import dev.pitwall.client.ApiKey;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * What a run measures: the built-in simulator, the real OpenRouter API, or any OpenAI-compatible
 * base URL. Resolved from {@code -Dtarget} / {@code --target} and {@code OPENROUTER_API_KEY}.
 *
 * @param baseUrl null for the simulator, whose URL is known only once it has started
 */
public record Target(Kind kind, URI baseUrl, ApiKey apiKey) {
  public static final String KEY_VARIABLE = "OPENROUTER_API_KEY";
  public static final URI OPENROUTER = URI.create("https://openrouter.ai/api/v1");

  public enum Kind {
    SIMULATOR,
    OPENROUTER,
    URL
  }

  public boolean simulated() {
    return kind == Kind.SIMULATOR;
  }

  /** The name written into outputs: "simulator", "openrouter" or the URL. */
  public String label() {
    return switch (kind) {
      case SIMULATOR -> "simulator";
      case OPENROUTER -> "openrouter";
      case URL -> baseUrl.toString();
    };
  }

  /**
   * No target and no key → the simulator; no target with a key → OpenRouter; {@code openrouter}
   * without a key → a usage error naming the variable; a URL → that server, with the key if set.
   */
  public static Target resolve(String target, Map<String, String> env) {
    ApiKey key = ApiKey.ofNullable(env.get(KEY_VARIABLE));
    String t = target == null ? "" : target.strip();
    if (t.isEmpty()) {
      return key == null ? new Target(Kind.SIMULATOR, null, null) : openRouter(key);
    }
    switch (t.toLowerCase(Locale.ROOT)) {
      case "simulator", "sim" -> {
        return new Target(Kind.SIMULATOR, null, null);
      }
      case "openrouter" -> {
        if (key == null) {
          throw new UsageException(
              "-Dtarget=openrouter needs an API key: set the environment variable "
                  + KEY_VARIABLE
                  + " (https://openrouter.ai/keys), or drop -Dtarget to use the simulator");
        }
        return openRouter(key);
      }
      default -> {
        URI uri;
        try {
          uri = URI.create(t);
        } catch (IllegalArgumentException e) {
          throw new UsageException(badTarget(t));
        }
        if (uri.getScheme() == null
            || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
            || uri.getHost() == null) {
          throw new UsageException(badTarget(t));
        }
        return new Target(Kind.URL, uri, key);
      }
    }
  }

  private static Target openRouter(ApiKey key) {
    return new Target(Kind.OPENROUTER, OPENROUTER, key);
  }

  private static String badTarget(String t) {
    return "-Dtarget='"
        + t
        + "' is not a target: use simulator, openrouter, or a base URL such as"
        + " http://127.0.0.1:8080/api/v1";
  }

  @Override
  public String toString() {
    return "Target[" + label() + (apiKey == null ? "" : ", key set") + "]";
  }
}
