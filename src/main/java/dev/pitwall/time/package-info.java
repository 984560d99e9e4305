/**
 * Time as an injected dependency: {@link dev.pitwall.time.Ticker} (monotonic nanoseconds) and
 * {@link dev.pitwall.time.Sleeper}. No other code calls {@code System.nanoTime()}; tests pass fake
 * implementations so limiters, retries and schedules are tested exactly and without sleeping.
 *
 * <p>Thread-safety: the system implementations are stateless singletons, safe from any thread.
 */
package dev.pitwall.time;
