package dev.pitwall.suite;

import java.util.List;
import java.util.Objects;

/** A prompt to send: an id (unique within the suite) and its messages. */
public record Prompt(String id, List<Message> messages) {
  public Prompt {
    Objects.requireNonNull(id, "id");
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("prompt '" + id + "' has no messages");
    }
  }
}
