package dev.pitwall.sim.internal;

import dev.pitwall.sim.CallTimings;
import dev.pitwall.sim.SimProfile;
import dev.pitwall.time.Ticker;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every connection of one server shares. Thread-safe: immutable except the atomic call counter
 * and the two thread-safe stores.
 */
public final class ServerState {
  /** Generation records kept for /generation; about 110 bytes each, allocated at start. */
  private static final int GENERATIONS_KEPT = 100_000;

  final SimProfile profile;
  final CallPlanner planner;
  final boolean requireKey;
  final boolean logRequests;
  final Ticker ticker;
  final Clock clock;
  final long startNanos;
  final AtomicLong calls = new AtomicLong();
  final GenerationStore generations = new GenerationStore(GENERATIONS_KEPT);
  final KeyAccounts accounts;
  final long wakeGridNanos;

  /** Told when each call's response ends; set once, before calls arrive. */
  volatile CallTimings timings = CallTimings.NONE;

  public ServerState(
      SimProfile profile,
      long seed,
      boolean requireKey,
      boolean logRequests,
      Ticker ticker,
      Clock clock,
      long wakeGridNanos) {
    this.profile = profile;
    this.planner = new CallPlanner(profile, seed);
    this.requireKey = requireKey;
    this.logRequests = logRequests;
    this.ticker = ticker;
    this.clock = clock;
    this.startNanos = ticker.nanos();
    this.accounts = new KeyAccounts(profile.rateLimits(), ticker);
    this.wakeGridNanos = wakeGridNanos;
  }

  /** Reports each call's write times to {@code timings} from now on. */
  public void reportTimings(CallTimings timings) {
    this.timings = java.util.Objects.requireNonNull(timings, "timings");
  }

  double elapsedSeconds(long nowNanos) {
    return (nowNanos - startNanos) / 1e9;
  }
}
