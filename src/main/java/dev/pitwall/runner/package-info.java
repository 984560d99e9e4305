/**
 * The engine: drives a {@link dev.pitwall.suite.Plan} through JMH-style iterations in closed loop
 * (N workers) or open loop (a {@link dev.pitwall.runner.Schedule}), past rate limits and a budget,
 * with retries as data, and hands every attempt to the sinks (requests.csv, metrics).
 *
 * <p>Design notes.
 *
 * <ul>
 *   <li>Decide, then act: {@link dev.pitwall.runner.RateLimiter#reserve} returns a wait, {@link
 *       dev.pitwall.runner.RetryPolicy} returns a delay, schedules return fire times; only the
 *       caller sleeps, through the injected {@link dev.pitwall.time.Sleeper}. Tests run them on
 *       fake time, exactly and instantly.
 *   <li>Requests per minute are spaced evenly with no burst ({@link
 *       dev.pitwall.runner.SpacedRateLimiter}): a token bucket would let twice the limit into one
 *       60-second window. Tokens per minute use a bucket with debt, so a large call is delayed,
 *       never refused.
 *   <li>Open-loop calls carry the time the schedule intended (t_sched); scheduled TTFT/E2E and the
 *       dispatch delay are measured from it, so a slow target shows in the figures instead of
 *       silently lowering the offered rate (coordinated omission).
 *   <li>The open-loop dispatcher hands each call to its thread 2 ms before the fire time; that
 *       thread parks until 150 µs before it and spins the rest. Parking alone wakes 0.12 ms late at
 *       the median on the 2-core machine, and waking a parked thread at the fire time put that
 *       wake-up in the dispatch delay: p50 at 1,000 req/s went 0.145 → 0.016 ms (spin) → 0.003 ms
 *       (early hand-over).
 *   <li>A call handed over ahead of its time also gets a second thread that only parks until the
 *       fire time; the first of the two to claim the call sends it, the other returns. On this VM
 *       each virtual CPU stalls for 1–10 ms a few times a second, mostly not both at once: of two
 *       threads waking at the same 1 ms deadlines, the earlier was over 1 ms late 0–57 % as often
 *       as one of them alone, in the same seconds ({@code TimerFloor ... race}, four runs). The
 *       pair takes one place of the concurrency cap. Calls handed over late (the dispatcher behind,
 *       as at the ceiling) get one thread, so the race costs nothing when the CPU is short.
 *   <li>What is left of the tail is GC pauses and stalls of the whole VM, which a thread doing
 *       nothing but waking every millisecond sees too ({@code scripts/bench-harness.sh} runs that
 *       probe after each measurement). Young pauses were 5–30 ms because long-lived objects were
 *       copied between survivor spaces at every collection; the launch flags ({@code
 *       .mvn/jvm.config}) promote at the first collection, and the pauses are about 1 ms. At 1,000
 *       calls/s the dispatch delay is now 0.004–0.014 ms at p50 and 0.19–0.38 ms at p99 against a
 *       no-op server (README, Performance).
 *   <li>Iterations are barriers, so each iteration's histograms hold exactly its own calls, and
 *       every planned call ends in exactly one final record (CANCELLED or BUDGET_STOPPED when it
 *       was never sent).
 * </ul>
 *
 * <p>Thread-safety: a {@link dev.pitwall.runner.Runner} runs once, from one thread; it uses one
 * worker thread per call in flight (virtual threads on Java 21+). Limiters, budget and the stop
 * signal are thread-safe.
 */
package dev.pitwall.runner;
