/**
 * The OpenRouter simulator: an in-process, seeded, fault-injecting server that real
 * OpenAI-compatible clients use unchanged. It is pitwall's default target (no key, every test,
 * every CI run) and {@code pitwall simulate}. It never uses the {@code client} package (design §2),
 * so it cannot cheat by sharing the client's code.
 *
 * <p>Public API: {@link dev.pitwall.sim.Simulator#start(SimulatorOptions)}, {@link
 * dev.pitwall.sim.Simulator#baseUrl()}, {@link dev.pitwall.sim.Simulator#profile()}; the profile
 * records ({@link dev.pitwall.sim.SimProfile}, {@link dev.pitwall.sim.SimModel}, {@link
 * dev.pitwall.sim.SimEndpoint}, {@link dev.pitwall.sim.LatencyModel}, {@link
 * dev.pitwall.sim.FaultRule}, {@link dev.pitwall.sim.RateLimits}) tell a test or the runner what
 * the server was configured to produce. Everything else is in {@code internal}.
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
 *       accumulate along a stream. design.md §7 and build-notes item 13: a thread per stream used
 *       ~780 threads for 500 streams on Java 17; here 1,000 streams use 2 I/O threads. A new
 *       connection goes to the first loop with fewer than 256 ({@code internal.LoopPacker}), so 200
 *       streams wake one CPU instead of two, for 17 to 27 % less CPU at the same timing.
 *   <li><b>Timer granularity.</b> On Linux x86_64 the loop is Netty's native epoll ({@code
 *       internal.Transport}): it arms a timerfd with the exact deadline, wake-ups share a 0.1 ms
 *       grid and an event leaves within ±0.05 ms of its due time plus wake-up latency (median token
 *       lateness at the client 0.84 → 0.30 ms against NIO). NIO, the fallback elsewhere, rounds a
 *       select timeout to the nearest millisecond and polls {@code selectNow()} while the next
 *       deadline is under 0.5 ms away; with a wake-up per stream at its own sub-millisecond time
 *       the two I/O threads polled almost all the time (~0.5 core each at 10,000 events/s). On NIO
 *       {@code CallRun} therefore rounds each wake-up up to a whole millisecond, so a loop's
 *       streams share one wake-up a millisecond, and sends every event due within the next 0.5 ms.
 *   <li><b>Wire shapes</b> follow openrouter-api.md §2-§12; SSE token chunks are built from a
 *       per-stream prefix encoded once and framed for chunked transfer below the HTTP codec (one
 *       pooled buffer per event, same bytes as the codec), everything else with Jackson in
 *       insertion order, so the same call is the same bytes in every JVM.
 * </ul>
 *
 * <p>Measured (scripts/bench-sim.sh, JDK 17, 2 vCPUs): over 20,000 small non-streaming requests/s
 * with wrk -t2 -c64; 1,000 concurrent SSE streams held with 0 broken. Token timing at 200 streams,
 * with a C client, the server's heap in transparent huge pages touched at start ({@code
 * -XX:+UseTransparentHugePages -XX:+AlwaysPreTouch}) and connections packed onto one loop: p99 0.53
 * to 1.40 ms with requests arriving evenly (median 0.82 over 9 runs, 7 under 1 ms: the target met
 * at the median), 0.80 to 5.34 ms (median 1.36) with bursts of 200 requests in 20 ms. A one-thread
 * C server doing the same work read medians 0.48 and 1.30 ms in the same minutes; a Netty server
 * that parses requests by hand and writes pre-framed chunks, in huge pages too, 0.70 to 1.06 ms
 * spread, no better than the simulator. The JVM's flags are the deployment's to set, not this
 * package's: bench-sim.sh and .mvn/jvm.config set them. Figures and what was tried:
 * docs/simulator.md, Benchmark, items 7-14.
 *
 * <p>Thread-safety: {@link dev.pitwall.sim.Simulator} is thread-safe; the records are immutable.
 */
package dev.pitwall.sim;
