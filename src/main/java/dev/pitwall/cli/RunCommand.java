package dev.pitwall.cli;

import dev.pitwall.client.ClientConfig;
import dev.pitwall.client.KeyStatus;
import dev.pitwall.client.LlmClient;
import dev.pitwall.client.LlmClients;
import dev.pitwall.client.ModelCatalog;
import dev.pitwall.client.OpenRouterApi;
import dev.pitwall.history.History;
import dev.pitwall.metrics.RunInfo;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.report.ConsoleTable;
import dev.pitwall.report.Goodput;
import dev.pitwall.report.Reports;
import dev.pitwall.report.RequestsCsvWriter;
import dev.pitwall.report.SloGate;
import dev.pitwall.report.SloVerdict;
import dev.pitwall.runner.CostEstimator;
import dev.pitwall.runner.Preflight;
import dev.pitwall.runner.RunContext;
import dev.pitwall.runner.RunStatus;
import dev.pitwall.runner.Runner;
import dev.pitwall.runner.StopSignal;
import dev.pitwall.sim.Simulator;
import dev.pitwall.sim.SimulatorOptions;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.Shard;
import dev.pitwall.suite.Suite;
import dev.pitwall.suite.SuiteException;
import dev.pitwall.suite.SuiteLoader;
import dev.pitwall.time.Sleeper;
import dev.pitwall.time.Ticker;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pitwall run SUITE}: validates the suite, resolves the target (starting the simulator when
 * there is no key), checks the key and the budget before any call, runs the plan, and writes every
 * output under {@code results/<suite>/<UTC timestamp>/}. The last line printed names that folder.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run a suite and write its results to results/<suite>/<UTC timestamp>/.")
public final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin SuiteOptions suiteOptions;

  @Option(
      names = "--target",
      description = "simulator, openrouter, or an OpenAI-compatible base URL.")
  String target;

  @Option(
      names = "--results",
      defaultValue = "results",
      description = "Where run folders are written (default: ${DEFAULT-VALUE}).")
  Path results;

  @Option(names = "--seed", description = "Seed of the simulator (default: -Dseed, else 42).")
  Long seed;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Run only shard I of N: a deterministic, disjoint slice of the cells, with the suite's"
              + " per-key rate limits and budget divided by N (also -Dshard=I/N). Combine the"
              + " shards' folders with 'pitwall merge'.")
  String shard;

  @Option(names = "--nonce", description = "Append a per-call nonce to prompts (defeats caches).")
  boolean nonce;

  @Option(
      names = "--allow-over-budget",
      description = "Start even when the pre-flight cost estimate exceeds max_cost_usd.")
  boolean allowOverBudget;

  @Option(
      names = "--grace",
      defaultValue = "10s",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "After Ctrl-C, how long calls in flight may finish (default: ${DEFAULT-VALUE}).")
  Duration grace;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> settings = suiteOptions.settings();
    Path suiteFile;
    try {
      suiteFile = suiteOptions.locate(settings);
      SuiteLoader.load(suiteFile, settings);
    } catch (SuiteException e) {
      err.println(e.getMessage());
      return ExitCode.USAGE;
    }
    Shard slice = shardOf(settings);
    Target resolved =
        Target.resolve(target != null ? target : settings.get("target"), System.getenv());
    long runSeed =
        seed != null
            ? seed
            : Long.parseLong(
                settings.getOrDefault("seed", Long.toString(SimulatorOptions.DEFAULT_SEED)));
    try (Simulator sim = resolved.simulated() ? startSimulator(runSeed, err) : null) {
      ClientConfig config =
          ClientConfig.of(sim != null ? sim.baseUrl() : resolved.baseUrl(), resolved.apiKey());
      return prepareAndMeasure(suiteFile, settings, slice, resolved, config, runSeed, out, err);
    }
  }

  private int prepareAndMeasure(
      Path suiteFile,
      Map<String, String> settings,
      Shard slice,
      Target target,
      ClientConfig config,
      long runSeed,
      PrintWriter out,
      PrintWriter err)
      throws IOException, InterruptedException {
    ModelCatalog catalog;
    try (OpenRouterApi api = new OpenRouterApi(config)) {
      if (target.kind() == Target.Kind.OPENROUTER) {
        KeyStatus key = api.key();
        if (!key.valid()) {
          err.printf(
              "pitwall: %s rejected the API key before any measurement (HTTP %d: %s)."
                  + " Check %s.%n",
              target.label(), key.httpStatus(), key.message(), Target.KEY_VARIABLE);
          return ExitCode.UNREACHABLE;
        }
      }
      catalog = loadCatalog(api, target, err);
      if (catalog == null) {
        return ExitCode.UNREACHABLE;
      }
    }
    Suite suite;
    try {
      Set<String> known =
          catalog.size() == 0
              ? null
              : catalog.models().stream().map(m -> m.id()).collect(Collectors.toSet());
      suite = SuiteLoader.load(suiteFile, settings, known);
    } catch (SuiteException e) {
      err.println(e.getMessage());
      return ExitCode.USAGE;
    }
    Plan plan = slice.select(Plan.of(suite));
    if (plan.cells().isEmpty()) {
      throw new UsageException(
          "--shard "
              + slice
              + " has no cells: the suite has only "
              + Plan.of(suite).cells().size()
              + " cells, so use at most that many shards");
    }
    CostEstimator costs = catalog::estimateCost;
    if (!withinBudget(plan, costs, err)) {
      return ExitCode.BUDGET;
    }
    Path runDir = RunDirectory.create(results, suite.name(), Instant.now());
    try (LlmClient client = LlmClients.http(config, Ticker.system(), catalog)) {
      return measure(plan, slice, target, client, costs, runDir, runSeed, out, err);
    }
  }

  private Shard shardOf(Map<String, String> settings) {
    String text = shard != null ? shard : settings.get("shard");
    if (text == null) {
      return Shard.WHOLE;
    }
    try {
      return Shard.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The models and prices of the target. Null when the target cannot be reached at all (exit 3); an
   * empty catalog when it answers but has no usable /models (another OpenAI-compatible server).
   */
  private static ModelCatalog loadCatalog(OpenRouterApi api, Target target, PrintWriter err) {
    try {
      return api.models();
    } catch (OpenRouterApi.ApiException e) {
      if (e.httpStatus() == 0) {
        err.printf(
            "pitwall: cannot reach %s before any measurement: %s%n",
            target.label(), e.getMessage());
        return null;
      }
      if (e.httpStatus() == 401 || e.httpStatus() == 403) {
        err.printf(
            "pitwall: %s refused the API key (HTTP %d: %s). Check %s.%n",
            target.label(), e.httpStatus(), e.getMessage(), Target.KEY_VARIABLE);
        return null;
      }
      err.printf(
          "pitwall: %s has no usable /models (HTTP %d); costs come only from usage.cost%n",
          target.label(), e.httpStatus());
      return new ModelCatalog(List.of());
    }
  }

  private boolean withinBudget(Plan plan, CostEstimator costs, PrintWriter err) {
    BigDecimal limit = plan.suite().limits().maxCostUsd();
    Optional<BigDecimal> estimate = Preflight.maxCost(plan, costs);
    if (limit == null || estimate.isEmpty() || estimate.get().compareTo(limit) <= 0) {
      return true;
    }
    String message =
        String.format(
            "pitwall: the plan may cost up to $%s (%d calls at max_tokens), more than"
                + " max_cost_usd $%s. Lower calls, iterations or max_tokens, raise"
                + " max_cost_usd, or pass --allow-over-budget (the run then stops at the"
                + " limit).",
            estimate.get().setScale(4, RoundingMode.UP).toPlainString(),
            plan.totalCalls(),
            limit.toPlainString());
    err.println(message);
    return allowOverBudget;
  }

  private int measure(
      Plan plan,
      Shard slice,
      Target target,
      LlmClient client,
      CostEstimator costs,
      Path runDir,
      long runSeed,
      PrintWriter out,
      PrintWriter err)
      throws IOException, InterruptedException {
    Suite suite = plan.suite();
    StopSignal stop = new StopSignal();
    Interrupts.stopOnSigint(stop);
    RunMetrics metrics = new RunMetrics(Goodput.meetsEvery(suite.slos()));
    Instant start = Instant.now();
    out.printf(
        "# pitwall %s: suite %s, %d cells, %s, target %s%n",
        BuildInfo.pitwallVersion(),
        suite.name(),
        plan.cells().size(),
        suite.iterations().calls() == Iterations.UNBOUNDED
            ? suite.iterations().total() + " iterations of " + suite.iterations().duration()
            : plan.totalCalls() + " calls",
        target.label());
    out.flush();
    RunStatus status;
    long limitWaitNs;
    try (RequestsCsvWriter requests = RequestsCsvWriter.open(runDir.resolve("requests.csv"))) {
      RunContext ctx =
          new RunContext(
              plan,
              client,
              Ticker.system(),
              Sleeper.system(),
              requests,
              metrics,
              costs,
              stop,
              new ConsoleProgress(System.out, System.console() != null, Ticker.system()),
              start.toEpochMilli(),
              nonce,
              grace);
      Runner runner = new Runner(ctx);
      status = runner.run();
      limitWaitNs = runner.rateLimitWaitNanos();
    }
    RunInfo info =
        new RunInfo(
            suite.name(),
            suite.description(),
            target.label(),
            target.simulated(),
            start,
            Instant.now(),
            partialReason(status, stop),
            runSeed,
            settingsOf(plan, slice),
            BuildInfo.pitwallVersion(),
            BuildInfo.javaVersion(),
            BuildInfo.gitSha());
    RunResult result = new RunResult(info, metrics.results());
    Reports.writeAll(runDir, result, suite);
    appendHistory(runDir, result, err);
    List<SloVerdict> verdicts = SloGate.evaluate(result, suite.slos());
    out.println();
    out.print(ConsoleTable.render(result));
    if (!verdicts.isEmpty()) {
      out.print(ConsoleTable.renderVerdicts(verdicts));
    }
    if (limitWaitNs > 0) {
      out.printf(
          "Rate limits held calls back for %.1f s in all (included in each call's dispatch"
              + " delay).%n",
          limitWaitNs / 1e9);
    }
    if (info.partial()) {
      out.println("PARTIAL RUN: " + info.partialReason());
    }
    if (target.simulated()) {
      out.println("SIMULATED: these figures come from pitwall's built-in simulator.");
    }
    out.println("results: " + runDir.toAbsolutePath().normalize());
    out.flush();
    return switch (status) {
      case INTERRUPTED -> ExitCode.INTERRUPTED;
      case BUDGET_EXHAUSTED -> ExitCode.BUDGET;
      case COMPLETE -> SloGate.allPassed(verdicts) ? ExitCode.OK : ExitCode.GATE_FAILED;
    };
  }

  /** The suite's effective settings, plus the shard when the run is one. */
  private static Map<String, String> settingsOf(Plan plan, Shard slice) {
    Map<String, String> settings = new java.util.LinkedHashMap<>(plan.suite().effectiveSettings());
    if (!slice.equals(Shard.WHOLE)) {
      settings.put("shard", slice.toString());
    }
    return settings;
  }

  /** One line per series into results/<suite>/history.csv, for nightly comparisons. */
  private static void appendHistory(Path runDir, RunResult result, PrintWriter err) {
    try {
      History.append(runDir, result);
    } catch (IOException e) {
      err.println("pitwall: could not append to the suite's history.csv: " + e.getMessage());
    }
  }

  private static String partialReason(RunStatus status, StopSignal stop) {
    return switch (status) {
      case COMPLETE -> null;
      case INTERRUPTED -> stop.reason();
      case BUDGET_EXHAUSTED -> "budget exhausted (max_cost_usd)";
    };
  }

  private static Simulator startSimulator(long seed, PrintWriter err) {
    Simulator sim = Simulator.start(SimulatorOptions.defaults().withSeed(seed));
    String line = "=".repeat(76);
    err.println(line);
    err.println("  SIMULATED RUN: no OPENROUTER_API_KEY is set, so pitwall measures its built-in");
    err.println("  OpenRouter simulator at " + sim.baseUrl() + " (seed " + seed + ").");
    err.println("  Every output is marked simulated. Set OPENROUTER_API_KEY to measure the real");
    err.println("  API, or -Dtarget=URL for any OpenAI-compatible server.");
    err.println(line);
    err.flush();
    return sim;
  }
}
