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

  /**
   * Its prompt tokens as the cost bound and the token limiter count them, as no tokenizer is at
   * hand: 4 characters a token, plus 4 a message for the chat template.
   */
  public int estimatedTokens() {
    int chars = 0;
    for (Message m : messages) {
      chars += m.content().length();
    }
    return chars / 4 + 4 * messages.size();
  }
}
