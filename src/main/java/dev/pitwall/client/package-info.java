/**
 * The OpenRouter / OpenAI-compatible client: {@link dev.pitwall.client.LlmClient} made by {@link
 * dev.pitwall.client.LlmClients}, stamping every call as design §3 defines and turning every
 * failure of the target into an {@link dev.pitwall.metrics.Outcome} (design §4); plus the look-ups
 * outside the measured path ({@link dev.pitwall.client.OpenRouterApi}: key check, {@link
 * dev.pitwall.client.ModelCatalog}, endpoints, generations) and the tables of {@code pitwall
 * providers / models / endpoints} ({@link dev.pitwall.client.ProviderLandscape}).
 *
 * <p>Thread-safety: clients, the catalog and the API are thread-safe; one client serves every
 * worker of a run. Results are immutable records (the ICL gap array is read-only by convention).
 *
 * <p>Design notes. The transport is a blocking HTTP/1.1 socket client with a keep-alive pool
 * ({@code internal.SocketTransport}); the JDK {@code HttpClient} is kept behind the same interface
 * as the measured alternative ({@code internal.JdkTransport}, in src/bench). Measured on loopback
 * (2 shared cores, load average 11-16, {@code scripts/bench-client.sh}, ranges over runs): TTFT
 * overhead p50 86-95 µs, p90 144 µs, p99 0.21-3.4 ms for the socket transport against 0.9-1.0 ms,
 * 4.2-4.6 ms and 16-19 ms for the JDK client. Read rates from one stream swing with the load
 * (socket 133k-484k events/s, JDK 221k-352k: the JDK client's selector thread gives it a second
 * share of a contended CPU). Timing is what pitwall measures, so the socket transport is the
 * default. Timeouts are socket read timeouts computed from the call's deadlines before every read:
 * no timer thread, and a stall is seen when its deadline passes.
 *
 * <p>The SSE parser works on slices of the transport's read buffer (no copy in the common case) and
 * each event is decoded by a reused strict JSON cursor: no tree, no String per token, 18 B
 * allocated per event against 838 B with a Jackson parser per event; 1.37-1.48 M events per
 * CPU-second decoded and stamped (framing alone 4.0-4.5 M). Every event of one transport read gets
 * that read's stamp. A stream ending after some events but before {@code [DONE]} is a STREAM_ERROR
 * (the same fault as a reset after the 200); bytes that are not JSON are INVALID.
 */
package dev.pitwall.client;
