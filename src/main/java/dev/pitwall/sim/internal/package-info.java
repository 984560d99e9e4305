/**
 * The simulator's machinery: request parsing ({@code ChatRequest}), routing ({@code Router}),
 * planning ({@code CallPlanner} → {@code CallPlan} of timed {@code Step}s), the Netty handler that
 * carries plans out ({@code HttpHandler}, {@code CallRun}), wire encoding ({@code Wire}), per-key
 * limits ({@code KeyAccounts}) and generation records.
 *
 * <p>Thread-safety: {@code CallPlanner}, {@code Router} and {@code Wire} are stateless or
 * immutable; {@code KeyAccounts} and {@code GenerationStore} lock; a {@code HttpHandler} and its
 * {@code CallRun}s are confined to one channel's event loop. Not an API: may change at any time.
 */
package dev.pitwall.sim.internal;
