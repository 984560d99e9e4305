/**
 * The OpenRouter / OpenAI-compatible client: {@link dev.pitwall.client.LlmClient} made by {@link
 * dev.pitwall.client.LlmClients}, stamping every call as docs/metrics.md defines and turning every
 * failure of the target into an {@link dev.pitwall.metrics.Outcome} (docs/metrics.md, Outcomes);
 * plus the look-ups outside the measured path ({@link dev.pitwall.client.OpenRouterApi}: key check,
 * {@link dev.pitwall.client.ModelCatalog}, endpoints, generations) and the tables of {@code pitwall
 * providers / models / endpoints} ({@link dev.pitwall.client.ProviderLandscape}).
 *
 * <p>Thread-safety: clients, the catalog and the API are thread-safe; one client serves every
 * worker of a run. Results are immutable records (the ICL gap array is read-only by convention).
 *
 * <p>Design notes. The transport is a blocking HTTP/1.1 socket client with a keep-alive pool
 * ({@code internal.SocketTransport}); the JDK {@code HttpClient} is kept behind the same interface
 * as the measured alternative ({@code internal.JdkTransport}, in src/bench), so the choice can be
 * measured again ({@code scripts/bench-client.sh}). The socket transport adds less to the measured
 * TTFT at every percentile, and timing is what pitwall measures, so it is the default; the figures
 * are in docs/performance.md. Read rates from one stream swing with the machine's load (the JDK
 * client's selector thread gives it a second share of a contended CPU), so they do not decide.
 * Sockets block in the kernel with no timeout of their own: each blocking step arms the call's
 * deadline on one watchdog thread per transport ({@code internal.DeadlineWatchdog}), which closes
 * the socket when the deadline passes, so a stall is seen when its deadline passes. Socket read
 * timeouts did the same job before, but in JDK 17 one timed read leaves a socket non-blocking for
 * good, and each read then took three system calls and a park instead of one.
 *
 * <p>The network path (docs/client.md, The network path): TLS is the JDK's {@code SSLSocket} with
 * host-name verification and SNI on the default {@code SSLContext} (so the standard {@code
 * javax.net.ssl.trustStore} properties apply), or a context the embedding code hands in {@link
 * dev.pitwall.client.ClientConfig#withTls}; HTTPS goes through an HTTP {@code CONNECT} tunnel when
 * a {@link dev.pitwall.client.ProxySettings} applies, its credentials sent only to the proxy.
 * t_send is taken when the request is written to a ready connection: connect, tunnel and handshake
 * are reported apart and never counted as the server's latency. A pooled connection idle past
 * {@code keepaliveIdle} is dropped, and one the server closed while idle is retried once,
 * invisibly, when nothing of the response came.
 *
 * <p>The SSE parser works on slices of the transport's read buffer (no copy in the common case) and
 * each event is decoded by a reused strict JSON cursor: no tree, no String per token, so parsing
 * allocates almost nothing per event (a Jackson parser per event allocated most of the garbage of a
 * stream). Every event of one transport read gets that read's stamp. A stream ending after some
 * events but before {@code [DONE]} is a STREAM_ERROR (the same fault as a reset after the 200);
 * bytes that are not JSON are INVALID.
 */
package dev.pitwall.client;
