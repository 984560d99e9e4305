package dev.pitwall.client;

import java.util.Objects;

/**
 * An API key that cannot leak by accident: {@link #toString()} is redacted, so logging a config or
 * a record never prints it. Only the transport reads {@link #reveal()}, to set the header.
 */
public final class ApiKey {
  private final String secret;

  private ApiKey(String secret) {
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  /** Null or blank → null (no key). */
  public static ApiKey ofNullable(String secret) {
    return secret == null || secret.isBlank() ? null : new ApiKey(secret.strip());
  }

  public String reveal() {
    return secret;
  }

  /** Replaces every occurrence of this key in {@code text} (e.g. an echoed error body). */
  public String redact(String text) {
    return text == null ? null : text.replace(secret, "[redacted]");
  }

  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }
}
