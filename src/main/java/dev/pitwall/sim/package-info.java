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
 *       ~780 threads for 500 streams on Java 17; here 1,000 streams use 2 I/O threads.
 *   <li><b>Timer granularity.</b> Netty's NIO loop rounds a select timeout to the nearest
 *       millisecond and polls {@code selectNow()} while the next deadline is under 0.5 ms away.
 *       With a wake-up per stream at its own sub-millisecond time, the two I/O threads polled
 *       almost all the time (~0.5 core each at 10,000 events/s). {@code CallRun} therefore rounds
 *       each wake-up up to a whole millisecond of the ticker, so the streams of a loop share one
 *       wake-up a millisecond, and sends every event due within the next 0.5 ms: an event leaves
 *       within ±0.5 ms of its due time plus wake-up latency. The native epoll transport (timerfd)
 *       would allow finer timers at the price of a native dependency; not taken.
 *   <li><b>Wire shapes</b> follow openrouter-api.md §2-§12; SSE token chunks are built from a
 *       per-stream prefix encoded once and framed for chunked transfer below the HTTP codec (one
 *       pooled buffer per event, same bytes as the codec), everything else with Jackson in
 *       insertion order, so the same call is the same bytes in every JVM.
 * </ul>
 *
 * <p>Measured (scripts/bench-sim.sh, JDK 17, 2 vCPUs shared with other builds, load average 1.5-2;
 * before = commit 8e609a8, same minutes): 23,218-25,745 small non-streaming requests/s with wrk -t2
 * -c64 (before: 20,060); 1,000 concurrent SSE streams held with 0 broken; server CPU per token
 * event at 200 streams 52-70 µs for the whole JVM (before: 137-143 µs). Token timing at 200 streams
 * after a 3 s warm-up: |error| p50 1.2-2.1 ms, p99 13-40 ms, so the 1 ms target is not met: the
 * benchmark's streams run in step, about 200 events due in the same millisecond every 20 ms, on a
 * shared machine. See docs/simulator.md.
 *
 * <p>Thread-safety: {@link dev.pitwall.sim.Simulator} is thread-safe; the records are immutable.
 */
package dev.pitwall.sim;
