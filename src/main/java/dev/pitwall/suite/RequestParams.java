package dev.pitwall.suite;

import java.util.List;
import java.util.Map;

/**
 * Request parameters sent with every call of a cell. Null means "not sent" (the provider default).
 * {@code extra} holds body fields passed through untouched.
 */
public record RequestParams(
    Integer maxTokens,
    Double temperature,
    Double topP,
    Long seed,
    List<String> stop,
    boolean stream,
    boolean jsonMode,
    Map<String, Object> extra,
    boolean gzip) {

  /** Output tokens the cost bound assumes for a call whose suite sets no max_tokens. */
  public static final int BOUND_MAX_TOKENS = 1024;

  public static final RequestParams DEFAULTS =
      new RequestParams(null, null, null, null, null, true, false, Map.of(), false);

  public RequestParams {
    if (maxTokens != null && maxTokens < 1) {
      throw new IllegalArgumentException("max_tokens must be >= 1, not " + maxTokens);
    }
    stop = stop == null ? null : List.copyOf(stop);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  /** Without {@code gzip}: a non-streamed reply is asked for uncompressed. */
  public RequestParams(
      Integer maxTokens,
      Double temperature,
      Double topP,
      Long seed,
      List<String> stop,
      boolean stream,
      boolean jsonMode,
      Map<String, Object> extra) {
    this(maxTokens, temperature, topP, seed, stop, stream, jsonMode, extra, false);
  }
}
