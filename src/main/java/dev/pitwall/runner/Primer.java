package dev.pitwall.runner;

import dev.pitwall.client.LlmClient;
import dev.pitwall.metrics.CallSink;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.runner.internal.CannedServer;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Limits;
import dev.pitwall.suite.Load;
import dev.pitwall.suite.LoadMode;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.Suite;
import dev.pitwall.time.Ticker;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs the plan's own calls against a {@link CannedServer} on loopback before the first real one,
 * so the JIT compiles pitwall's client, runner and writers while nothing is measured.
 *
 * <p>Why: a call's client-side path (encode, send, parse, record, write the row) runs once per
 * call, so without this it is interpreted for the first hundreds of calls and compiled piecemeal
 * for the next thousands. Each compilation takes a core for milliseconds; on a small machine it
 * lands beside a measured call and delays the stamps, or the server's own threads when it shares
 * the machine (the timing-truth benchmark traced pitwall's C2 compiler thread holding the server's
 * core at the moment its request arrived: docs/performance.md). A JMH warm-up iteration does the
 * same for the code under test; here the code is the harness's, so it can be warmed at no cost and
 * no load on the target.
 *
 * <p>The primer keeps the suite's cells, request settings, load mode and concurrency, with no rate
 * limits, no budget, and an open loop's rate raised so it ends in well under a second of calls. Its
 * records go to the sinks it is given (a row writer that discards, fresh metrics), never to the
 * run's.
 */
public final class Primer {
  /** Calls by default: enough for the per-call path to reach its first compiled tier and beyond. */
  public static final int DEFAULT_CALLS = 3000;

  /** Priming stops at this, done or not: it must never hold a run up noticeably. */
  static final Duration TIME_CAP = Duration.ofSeconds(5);

  private static final double OPEN_LOOP_RATE = 20_000;
  private static final int MAX_CLOSED_WORKERS = 4;
  private static final int MIN_ITERATIONS = 10;

  /**
   * Iteration ends run the scoring and the recorders' flip, once per iteration: primed as often as
   * the run's own iterations end, for up to this many, so they are compiled too. A run of 10 calls
   * an iteration otherwise compiled them in its measured iterations (the timing-truth bench's JIT
   * log), a hundred times more rarely met than the per-call code.
   */
  private static final int MAX_ITERATIONS = 300;

  /** What priming did: calls made and how long it took. */
  public record Report(long calls, Duration took) {
    public static final Report NONE = new Report(0, Duration.ZERO);
  }

  private Primer() {}

  /**
   * Makes about {@code calls} calls of {@code plan}'s cells against a canned loopback server.
   *
   * @param clientFor the client for a base URL: the same kind the run will use
   * @param lookupFor OpenRouter's generation records at a base URL, as the run looks them up; null
   *     when the run looks none up
   * @param rows where the primer's records go; a sink of the run's row format that discards them,
   *     so the writer is warmed too
   * @param stop the run's stop signal: asking the run to stop ends priming as well
   */
  public static Report prime(
      Plan plan,
      int calls,
      Function<URI, LlmClient> clientFor,
      Function<URI, GenerationLookup> lookupFor,
      CallSink rows,
      RunMetrics metrics,
      StopSignal stop)
      throws IOException, InterruptedException {
    if (calls <= 0) {
      return Report.NONE;
    }
    Ticker ticker = Ticker.system();
    long start = ticker.nanos();
    StopSignal primerStop = new StopSignal();
    Thread cap = capThread(stop, primerStop);
    AtomicLong made = new AtomicLong();
    try (CannedServer server = CannedServer.start();
        LlmClient client = clientFor.apply(server.baseUrl())) {
      RunContext ctx =
          RunContext.builder(primerPlan(plan, calls), client)
              .requests(
                  record -> {
                    made.incrementAndGet();
                    rows.accept(record);
                  })
              .metrics(metrics)
              .stop(primerStop)
              .grace(Duration.ofSeconds(1))
              .generations(lookupFor == null ? null : lookupFor.apply(server.baseUrl()))
              .build();
      new Runner(ctx).run();
    } finally {
      cap.interrupt();
    }
    return new Report(made.get(), Duration.ofNanos(ticker.nanos() - start));
  }

  /**
   * The plan's cells with about {@code calls} calls in iterations of the suite's size (one of them
   * warm-up, so the iteration and phase changes are warmed too; between {@value #MIN_ITERATIONS}
   * and {@value #MAX_ITERATIONS} of them), no limits, and the load's mode kept (its dispatch path
   * is warmed too).
   */
  static Plan primerPlan(Plan plan, int calls) {
    Suite suite = plan.suite();
    int cells = plan.cells().size();
    long suiteIteration = (long) cells * suite.iterations().calls();
    int iterations =
        (int) Math.max(MIN_ITERATIONS, Math.min(MAX_ITERATIONS, calls / suiteIteration));
    int perIteration = Math.max(1, (calls + cells * iterations - 1) / (cells * iterations));
    Load load = suite.load();
    Load primed =
        load.mode() == LoadMode.OPEN
            ? new Load(
                LoadMode.OPEN, load.concurrency(), OPEN_LOOP_RATE, load.arrival(), load.seed())
            : new Load(
                LoadMode.CLOSED,
                Math.min(load.concurrency(), MAX_CLOSED_WORKERS),
                0,
                load.arrival(),
                load.seed());
    Suite primer =
        suite
            .withLoad(primed)
            .withLimits(Limits.NONE)
            .withIterations(new Iterations(1, iterations - 1, perIteration));
    return new Plan(primer, plan.cells());
  }

  /** Stops the primer at the time cap, or at once when the run is asked to stop. */
  private static Thread capThread(StopSignal run, StopSignal primer) {
    Thread t =
        new Thread(
            () -> {
              try {
                if (run.await(TIME_CAP.toMillis(), TimeUnit.MILLISECONDS)) {
                  primer.stop(run.reason());
                } else {
                  primer.stop("priming took its " + TIME_CAP.toSeconds() + " s");
                }
              } catch (InterruptedException e) {
                // priming ended first
              }
            },
            "pitwall-primer-cap");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
