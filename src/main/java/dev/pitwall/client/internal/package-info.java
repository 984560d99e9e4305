/**
 * The client's machinery: transports ({@link dev.pitwall.client.internal.SocketTransport}; {@code
 * JdkTransport}, only in the benchmark sources: src/bench), the byte-level {@link
 * dev.pitwall.client.internal.SseParser}, the chunk decoder and stamper {@link
 * dev.pitwall.client.internal.CompletionAccumulator}, request encoding, error classification and
 * JSON-mode normalisation. Not an API: only {@code dev.pitwall.client} uses it.
 *
 * <p>Thread-safety: transports are thread-safe; parsers, accumulators and exchanges belong to one
 * call on one thread.
 */
package dev.pitwall.client.internal;
