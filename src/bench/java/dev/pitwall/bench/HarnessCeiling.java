package dev.pitwall.bench;

import dev.pitwall.client.ClientConfig;
import dev.pitwall.client.LlmClient;
import dev.pitwall.client.LlmClients;
import dev.pitwall.metrics.Histograms;
import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.runfolder.RequestsCsvWriter;
import dev.pitwall.runner.RunContext;
import dev.pitwall.runner.Runner;
import dev.pitwall.sim.LatencyModel;
import dev.pitwall.sim.SimProfile;
import dev.pitwall.sim.Simulator;
import dev.pitwall.sim.SimulatorOptions;
import dev.pitwall.suite.Arrival;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Limits;
import dev.pitwall.suite.Load;
import dev.pitwall.suite.LoadMode;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.ModelSpec;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.Prompt;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Retries;
import dev.pitwall.suite.Suite;
import dev.pitwall.suite.Timeouts;
import dev.pitwall.time.Sleeper;
import dev.pitwall.time.Ticker;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The harness's own ceiling (issue 7): pitwall's real runner, client and requests.csv writer in
 * open loop against a loopback server that answers at once, reporting the rate achieved, the
 * dispatch delay (t_send − t_sched) percentiles, end-to-end latency, and heap in use after a full
 * GC. Run by {@code scripts/bench-harness.sh}, which also measures wrk against the same server.
 *
 * <pre>
 * HarnessCeiling TARGET RATE CALLS [--warmup] [--no-csv] [--keep-csv] [--hold] [--concurrency=N]
 *                [--model=ID]
 *   TARGET: noop | sim | a base URL (with --model, the model to ask it for; default noop/model)
 * </pre>
 */
public final class HarnessCeiling {
  /** Drop rows instead of writing requests.csv: isolates the writer's share of the cost. */
  private static boolean noCsv;

  /** Keep requests.csv and print its path, for per-call analysis of the dispatch delay. */
  private static boolean keepCsv;

  /**
   * Calls in flight at most: the suite default of an open loop (64). With 1, each call waits for
   * the last to be written and recorded, so the dispatch delay would measure the cap, not the
   * dispatcher.
   */
  private static int concurrency;

  private HarnessCeiling() {}

  public static void main(String[] args) throws Exception {
    String target = args.length > 0 ? args[0] : "noop";
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 10_000;
    long calls = args.length > 2 ? Long.parseLong(args[2]) : 100_000;
    List<String> flags = List.of(args).subList(Math.min(3, args.length), args.length);
    boolean hold = flags.contains("--hold");
    int warmup = flags.contains("--warmup") ? 1 : 0;
    noCsv = flags.contains("--no-csv");
    keepCsv = flags.contains("--keep-csv");
    concurrency = Integer.parseInt(flagValue(flags, "--concurrency=", "64"));
    if (target.startsWith("http")) {
      measure(
          "url",
          URI.create(target),
          flagValue(flags, "--model=", "noop/model"),
          rate,
          calls,
          warmup);
    } else if (target.equals("noop")) {
      try (NoopServer server = new NoopServer(1)) {
        URI base = URI.create("http://127.0.0.1:" + server.port() + "/api/v1");
        announce(base, hold);
        measure("noop", base, "noop/model", rate, calls, warmup);
      }
    } else {
      LatencyModel instant = new LatencyModel(0, 0, 1e9, 0, 1, 1, 0);
      SimulatorOptions options =
          SimulatorOptions.defaults().withProfile(SimProfile.bundled().withLatency(instant));
      try (Simulator sim = Simulator.start(options.withIoThreads(1))) {
        announce(sim.baseUrl(), hold);
        measure("sim", sim.baseUrl(), "openai/gpt-4o-mini", rate, calls, warmup);
      }
    }
  }

  /** Prints the server's URL (the script points wrk at it) and waits for Enter when asked. */
  private static void announce(URI base, boolean hold) throws java.io.IOException {
    System.out.println("server " + base);
    System.out.flush();
    if (hold) {
      System.in.read();
    }
  }

  /**
   * One open-loop run of {@code calls} measured calls at {@code rate}, after {@code warmup}
   * iterations of as many calls (JIT, connections, thread pool) that are not scored.
   */
  static void measure(String target, URI base, String model, double rate, long calls, int warmup)
      throws Exception {
    RequestParams params = new RequestParams(1, 0.0, null, null, null, false, false, Map.of());
    Suite suite =
        new Suite(
            "harness-ceiling",
            "",
            null,
            List.of(new Prompt("p", List.of(new Message("user", "ping")))),
            List.of(new ModelSpec(model, List.of(), false, null, params)),
            new Load(LoadMode.OPEN, concurrency, rate, Arrival.CONSTANT, 1),
            new Iterations(warmup, 1, Math.toIntExact(calls)),
            Limits.NONE,
            new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)),
            Retries.NONE,
            null,
            null,
            false);
    Path csv = Files.createTempFile("harness-requests", ".csv");
    RunMetrics metrics = new RunMetrics();
    long heapBefore = usedHeapAfterGc();
    long t0 = Ticker.system().nanos();
    try (LlmClient client = LlmClients.http(ClientConfig.of(base, null), Ticker.system());
        RequestsCsvWriter requests = RequestsCsvWriter.open(csv)) {
      RunContext ctx =
          new RunContext(
              Plan.of(suite),
              client,
              Ticker.system(),
              Sleeper.system(),
              noCsv ? r -> {} : requests,
              metrics,
              null,
              null,
              null,
              System.currentTimeMillis(),
              false,
              Duration.ofSeconds(5),
              null);
      new Runner(ctx).run();
    }
    double seconds = (Ticker.system().nanos() - t0) / 1e9;
    long heapAfter = usedHeapAfterGc();
    // All series together (one per provider that served): the harness is measured, not a provider.
    Histogram dispatch = Histograms.newHistogram();
    Histogram e2e = Histograms.newHistogram();
    long ok = 0;
    long total = 0;
    for (SeriesResult s : metrics.results()) {
      dispatch.add(s.metric(Metric.DISPATCH_DELAY).histogram());
      e2e.add(s.metric(Metric.E2E).histogram());
      ok += s.outcomes().get(Outcome.OK);
      total += s.outcomes().total();
    }
    System.out.printf(
        "%-5s offered %8.0f/s  calls %8d  achieved %8.0f/s  ok %8d  failed %6d"
            + "  dispatch p50 %6.3f p99 %7.3f p99.9 %7.3f ms  e2e p50 %6.3f p99 %7.3f ms"
            + "  heap %4d MB -> %4d MB  csv %5d MB%n",
        target,
        rate,
        calls,
        calls * (warmup + 1) / seconds,
        ok,
        total - ok,
        ms(dispatch, 50),
        ms(dispatch, 99),
        ms(dispatch, 99.9),
        ms(e2e, 50),
        ms(e2e, 99),
        heapBefore >> 20,
        heapAfter >> 20,
        Files.size(csv) >> 20);
    if (keepCsv) {
      System.out.println("  requests.csv kept: " + csv);
    } else {
      Files.delete(csv);
    }
  }

  /** The value of the first flag that starts with {@code prefix} ("--model="), else the default. */
  private static String flagValue(List<String> flags, String prefix, String otherwise) {
    return flags.stream()
        .filter(f -> f.startsWith(prefix))
        .map(f -> f.substring(prefix.length()))
        .findFirst()
        .orElse(otherwise);
  }

  private static double ms(Histogram recorded, double percentile) {
    return Metric.E2E.toUnit(recorded.getValueAtPercentile(percentile));
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
