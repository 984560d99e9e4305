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
 *       thread parks until 150 µs before it and spins the rest. Parking alone wakes late by the
 *       kernel's timer slack, and waking a parked thread at the fire time put that wake-up in the
 *       dispatch delay; spinning the last stretch and handing over early take both out of it.
 *   <li>A call handed over ahead of its time also gets a second thread that only parks until the
 *       fire time; the first of the two to claim the call sends it, the other returns. On a cloud
 *       VM each virtual CPU stalls for milliseconds a few times a second, mostly not both at once,
 *       so the earlier of two threads waking at the same deadline is late less often than one alone
 *       ({@code TimerFloor ... race}; docs/performance.md). The pair takes one place of the
 *       concurrency cap. Calls handed over late (the dispatcher behind, as at the ceiling) get one
 *       thread, so the race costs nothing when the CPU is short.
 *   <li>A call's thread whose call ended takes the next call itself when that one is already due
 *       (the dispatcher behind, calls in flight at the cap). Handing each call back through the
 *       dispatcher there cost two thread wake-ups a call, a large share of two cores' CPU
 *       (docs/performance.md, throughput on the user path). A call taken this way is late already;
 *       its dispatch delay says so, as before. The calls not yet taken ({@code OpenCalls}) are
 *       claimed by a compare-and-set, not under a lock: a lock there, and one on requests.csv, had
 *       the threads of a saturated run queue behind a holder the scheduler had descheduled.
 *   <li>What is left of the tail is GC pauses and stalls of the whole VM, which a thread doing
 *       nothing but waking every millisecond sees too ({@code scripts/bench-harness.sh} runs that
 *       probe after each measurement). Young pauses were long because long-lived objects were
 *       copied between survivor spaces at every collection; the launch flags ({@code
 *       .mvn/jvm.config}) promote at the first collection, which keeps them short. The dispatch
 *       delay and pause figures are in docs/performance.md.
 *   <li>Before the first call, {@link dev.pitwall.runner.Primer} runs the plan's own calls against
 *       a canned loopback server into sinks that discard them. A call's client-side path runs once
 *       per call, so it would otherwise be compiled piecemeal over a run's first thousands of
 *       calls; the timing-truth benchmark traced its compilations to milliseconds of delay beside
 *       measured calls (docs/performance.md). JMH warms the code under test; this warms the
 *       harness.
 *   <li>Iterations are barriers, so each iteration's histograms hold exactly its own calls, and
 *       every planned call ends in exactly one final record (CANCELLED or BUDGET_STOPPED when it
 *       was never sent).
 *   <li>Three things keep a new attempt from starting, checked in one place ({@code
 *       CallExecutor.mayStart}): a stop asked by a person ({@link dev.pitwall.runner.StopSignal}),
 *       the budget, and a {@link dev.pitwall.runner.Halt} forced by the target (a 402, a rejected
 *       key), since every further call would get the same answer.
 *   <li>OpenRouter's record of a call ({@code GET /generation}) is fetched after it by one
 *       background thread ({@code GenerationStats}), so the look-up is never on a timed path; the
 *       record reaches the metrics at once and requests.csv once completed.
 * </ul>
 *
 * <p>Thread-safety: a {@link dev.pitwall.runner.Runner} runs once, from one thread; it uses one
 * worker thread per call in flight (virtual threads on Java 21+). Limiters, budget and the stop
 * signal are thread-safe.
 */
package dev.pitwall.runner;
