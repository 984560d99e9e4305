/**
 * The OpenRouter / OpenAI-compatible client: {@link dev.pitwall.client.LlmClient} made by {@link
 * dev.pitwall.client.LlmClients}, stamping every call as design §3 defines and turning every
 * failure of the target into an {@link dev.pitwall.metrics.Outcome} (design §4); plus the look-ups
 * outside the measured path ({@link dev.pitwall.client.OpenRouterApi}: key check, {@link
 * dev.pitwall.client.ModelCatalog}, endpoints, generations).
 *
 * <p>Thread-safety: clients, the catalog and the API are thread-safe; one client serves every
 * worker of a run. Results are immutable records (the ICL gap array is read-only by convention).
 *
 * <p>Design notes. The transport is a blocking HTTP/1.1 socket client with a keep-alive pool
 * ({@code internal.SocketTransport}); the JDK {@code HttpClient} is kept behind the same interface
 * as the measured alternative ({@link dev.pitwall.client.LlmClients#jdkHttp}). The SSE parser works
 * on slices of the transport's read buffer, and chunks are decoded with Jackson's streaming parser:
 * no tree and no String per token. Every event of one transport read gets that read's stamp.
 */
package dev.pitwall.client;
