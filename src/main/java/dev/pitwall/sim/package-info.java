/**
 * The OpenRouter simulator: an in-process, seeded, fault-injecting server that real
 * OpenAI-compatible clients use unchanged. It is pitwall's default target (no key, every test,
 * every CI run) and {@code pitwall simulate}. It never uses the {@code client} package, so it
 * cannot cheat by sharing the client's code: a bug in one cannot hide the same bug in the other.
 *
 * <p>Public API: {@link dev.pitwall.sim.Simulator#start(SimulatorOptions)}, {@link
 * dev.pitwall.sim.Simulator#baseUrl()}, {@link dev.pitwall.sim.Simulator#profile()}; the profile
 * records ({@link dev.pitwall.sim.SimProfile}, {@link dev.pitwall.sim.SimModel}, {@link
 * dev.pitwall.sim.SimEndpoint}, {@link dev.pitwall.sim.LatencyModel}, {@link
 * dev.pitwall.sim.FaultRule}, {@link dev.pitwall.sim.RateLimits}) tell a test or the runner what
 * the server was configured to produce. Everything else is in {@code internal}.
 *
 * <p>The bundled profile is a dated snapshot of OpenRouter's catalog, so the simulator follows the
 * real API rather than pitwall's assumptions: provider display names and slugs as {@code
 * /endpoints} gives them, and the models OpenRouter retired ({@link dev.pitwall.sim.RetiredModel}),
 * which it neither lists nor serves. Contract tests hold its replies to OpenRouter's published
 * OpenAPI document.
 *
 * <p>Design notes.
 *
 * <ul>
 *   <li><b>Decide, then act.</b> Each chat completion is planned in full on arrival by a pure
 *       function of (profile, server seed, call sequence number, request, seconds since start):
 *       routing, failed attempts, faults, answer text and the due time of every SSE event. The
 *       Netty handler only carries the plan out. So the same seed gives the same outcomes, served
 *       providers and timings call by call, and planning is unit-tested without sockets or time.
 *   <li><b>Event loop, no thread per stream.</b> Every wake-up is a task scheduled on the channel's
 *       event loop for the event's absolute due time (arrival + offset), so timer slack does not
 *       accumulate along a stream. A thread per stream needs hundreds of platform threads for a few
 *       hundred streams on Java 17; here 1,000 streams use the I/O threads. A new connection goes
 *       to the first loop with fewer than 256 ({@code internal.LoopPacker}), so 200 streams wake
 *       one CPU instead of two: less CPU at the same timing, where each wake-up is dear.
 *   <li><b>Timer granularity.</b> On Linux x86_64 the loop is Netty's native epoll ({@code
 *       internal.Transport}): it arms a timerfd with the exact deadline, wake-ups share a 0.1 ms
 *       grid and an event leaves within ±0.05 ms of its due time plus wake-up latency. NIO, the
 *       fallback elsewhere, rounds a select timeout to the nearest millisecond and polls {@code
 *       selectNow()} while the next deadline is under 0.5 ms away; with a wake-up per stream at its
 *       own sub-millisecond time the I/O threads would poll almost all the time. On NIO {@code
 *       CallRun} therefore rounds each wake-up up to a whole millisecond, so a loop's streams share
 *       one wake-up a millisecond, and sends every event due within the next 0.5 ms.
 *   <li><b>Wire shapes</b> follow OpenRouter's API (docs/simulator.md lists the endpoints, the
 *       error envelope and the stream's events); SSE token chunks are built from a per-stream
 *       prefix encoded once and framed for chunked transfer below the HTTP codec (one pooled buffer
 *       per event, same bytes as the codec), everything else with Jackson in insertion order, so
 *       the same call is the same bytes in every JVM.
 * </ul>
 *
 * <p>Token timing depends on the JVM's flags as much as on this package (the heap in transparent
 * huge pages lowers the tail markedly on a small VM); they are the deployment's to set, not this
 * package's: {@code scripts/bench-sim.sh} and {@code .mvn/jvm.config} set them. The benchmark's
 * method is in docs/simulator.md, its figures in docs/performance.md.
 *
 * <p>Thread-safety: {@link dev.pitwall.sim.Simulator} is thread-safe; the records are immutable.
 */
package dev.pitwall.sim;
