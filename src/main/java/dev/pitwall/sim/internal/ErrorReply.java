package dev.pitwall.sim.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP error in OpenRouter's envelope: {@code {"error":{"code","message","metadata"}}}, or an
 * HTML page when {@code html} is set.
 */
public record ErrorReply(
    int status, String message, Map<String, Object> metadata, Integer retryAfterS, boolean html) {
  public ErrorReply {
    // Insertion order is kept so the same error is the same bytes in every JVM.
    metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  public static ErrorReply of(int status, String message, String errorType) {
    return new ErrorReply(status, message, Map.of("error_type", errorType), null, false);
  }
}
