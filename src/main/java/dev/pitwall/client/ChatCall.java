package dev.pitwall.client;

import dev.pitwall.suite.Message;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Route;
import dev.pitwall.suite.Timeouts;
import java.util.List;
import java.util.Objects;

/**
 * One chat completion to make. {@code nonce}, when not null, is appended to the last user message
 * as {@code " [nonce:…]"} so providers' prompt caches cannot flatter repeated prompts.
 */
public record ChatCall(
    String model,
    List<Message> messages,
    RequestParams params,
    Route route,
    Timeouts timeouts,
    String nonce) {
  public ChatCall {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    Objects.requireNonNull(params, "params");
    route = route == null ? Route.FREE : route;
    timeouts = timeouts == null ? Timeouts.DEFAULTS : timeouts;
  }
}
