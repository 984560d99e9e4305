package dev.pitwall.client;

import dev.pitwall.client.internal.HttpLlmClient;
import dev.pitwall.client.internal.SocketTransport;
import dev.pitwall.time.Ticker;
import java.time.Clock;
import java.util.Set;

/**
 * The one factory of {@link LlmClient}s (as JMH's {@code ResultFormatFactory}). {@link #http} is
 * the client every run uses; src/bench's {@code JdkTransport} re-measures the transport choice.
 */
public final class LlmClients {
  private LlmClients() {}

  /**
   * An HTTP/1.1 client on the lean socket transport. Without a catalog, {@code json_mode} uses the
   * {@code openai/} prefix rule.
   */
  public static LlmClient http(ClientConfig config, Ticker ticker) {
    return http(config, ticker, null);
  }

  /**
   * As {@link #http(ClientConfig, Ticker)}, with a model catalog (loaded before measurement) to
   * decide {@code json_mode} per model from its {@code supported_parameters}.
   */
  public static LlmClient http(ClientConfig config, Ticker ticker, ModelCatalog catalog) {
    return new HttpLlmClient(
        config, new SocketTransport(config, ticker), ticker, Clock.systemUTC(), supported(catalog));
  }

  private static java.util.function.Function<String, Set<String>> supported(ModelCatalog c) {
    return c == null ? model -> null : c::supportedParameters;
  }
}
