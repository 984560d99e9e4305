package dev.pitwall.suite;

import java.util.Objects;
import java.util.Set;

/**
 * One chat message of a prompt: {@code system}, {@code developer}, {@code user} or {@code
 * assistant}.
 */
public record Message(String role, String content) {
  private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");

  public Message {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException("role must be one of " + ROLES + ", not '" + role + "'");
    }
  }
}
