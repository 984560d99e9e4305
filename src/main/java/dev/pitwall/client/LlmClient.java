package dev.pitwall.client;

/**
 * Makes chat completions and stamps them (docs/metrics.md). Implementations never throw for
 * anything the target does: HTTP errors, broken streams, malformed bodies and timeouts come back as
 * a {@link ClientResult} with an outcome. Exceptions are for programming errors only.
 *
 * <p>Thread-safe: one client serves all workers of a run.
 */
public interface LlmClient extends AutoCloseable {
  ClientResult complete(ChatCall call);

  @Override
  void close();
}
