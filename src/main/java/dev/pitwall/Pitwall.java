package dev.pitwall;

import dev.pitwall.RunRefusedException.Reason;
import dev.pitwall.client.ClientConfig;
import dev.pitwall.client.KeyStatus;
import dev.pitwall.client.LlmClient;
import dev.pitwall.client.LlmClients;
import dev.pitwall.client.ModelCatalog;
import dev.pitwall.client.OpenRouterApi;
import dev.pitwall.history.History;
import dev.pitwall.metrics.Goodput;
import dev.pitwall.metrics.ProviderNames;
import dev.pitwall.metrics.RunFailures;
import dev.pitwall.metrics.RunInfo;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SloGate;
import dev.pitwall.metrics.SloVerdict;
import dev.pitwall.report.ConsoleTable;
import dev.pitwall.report.Reports;
import dev.pitwall.runfolder.RequestsCsvWriter;
import dev.pitwall.runfolder.RunLayout;
import dev.pitwall.runfolder.SuiteFacts;
import dev.pitwall.runner.CostEstimator;
import dev.pitwall.runner.GenerationLookup;
import dev.pitwall.runner.Primer;
import dev.pitwall.runner.RunContext;
import dev.pitwall.runner.RunStatus;
import dev.pitwall.runner.Runner;
import dev.pitwall.sim.SimulatorOptions;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.KnownModels;
import dev.pitwall.suite.ModelSpec;
import dev.pitwall.suite.Plan;
import dev.pitwall.suite.Shard;
import dev.pitwall.suite.Suite;
import dev.pitwall.suite.SuiteException;
import dev.pitwall.suite.SuiteLoader;
import dev.pitwall.suite.SuiteLocator;
import dev.pitwall.time.Ticker;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one way to run a suite, for the command line and for Java code alike (as JMH's {@code new
 * Runner(options).run()}): resolves the target (starting the simulator when there is no key),
 * checks the key and loads the target's models, loads the suite once against them, refuses a plan
 * over budget, runs it, and writes every output under {@code results/<suite>/<UTC timestamp>/}.
 *
 * <pre>{@code
 * RunOutcome outcome = new Pitwall(new OptionsBuilder().suite("cap-theorem").build()).run();
 * assert outcome.passed();
 * }</pre>
 *
 * <p>Refusals before the first call are exceptions ({@link SuiteException}, {@link UsageException},
 * {@link RunRefusedException}); everything after it, failing providers included, ends in a {@link
 * RunOutcome} whose folder holds what was measured.
 */
public final class Pitwall {
  /**
   * Look-ups of a generation that 404s: OpenRouter may not have its record for about a second after
   * the call ends (the look-up waits 500 ms between tries).
   */
  private static final int GENERATION_ATTEMPTS = 4;

  private final RunOptions options;

  public Pitwall(RunOptions options) {
    this.options = options;
  }

  /**
   * Runs the suite.
   *
   * @throws SuiteException the suite file is missing or has problems (each with file:line:col)
   * @throws UsageException an option or setting is wrong (target, shard, results folder)
   * @throws RunRefusedException the target cannot be used, or the plan exceeds the budget
   * @throws IOException the results could not be written
   */
  public RunOutcome run()
      throws SuiteException, RunRefusedException, IOException, InterruptedException {
    Map<String, String> settings = options.settings();
    Path suiteFile = SuiteLocator.locate(options.suite(), options.benchmarks());
    Shard slice = shard(settings);
    Target target =
        Target.resolve(
            options.target() != null ? options.target() : settings.get("target"),
            options.environment());
    long seed = seed(settings);
    int primeCalls = primeCalls(settings);
    try (TargetSession session = TargetSession.open(target, seed, options.environment())) {
      KeyStatus key = checkKey(session);
      ModelCatalog catalog = catalog(session);
      KnownModels known = TargetSession.knownModels(target, catalog, session.endpoints());
      Suite suite = SuiteLoader.load(suiteFile, settings, known);
      ProviderNames names =
          new ProviderNames(known.providersOf(suite.models().stream().map(ModelSpec::id).toList()));
      if (target.simulated()) {
        simulatorBanner(session, seed);
      }
      Plan plan = slice(Plan.of(suite), slice);
      CostBound bound = CostBound.at(plan, catalog, session.endpoints());
      checkBudget(bound, key.limitRemaining());
      Path runDir;
      try {
        runDir = RunLayout.create(options.results(), suite.name(), Instant.now());
      } catch (IOException e) {
        throw new UsageException(e.getMessage() + ": free some disk space or pass --results DIR");
      }
      ClientConfig config = session.config().withKeepaliveIdle(suite.timeouts().keepaliveIdle());
      try (LlmClient client = LlmClients.http(config, Ticker.system(), catalog);
          OpenRouterApi records = new OpenRouterApi(session.config())) {
        // OpenRouter keeps a record of each generation; so do the simulator and other
        // OpenRouter-compatible servers, which answer /key as it does.
        GenerationLookup lookup =
            target.kind() != Target.Kind.URL || key.httpStatus() / 100 == 2
                ? id -> records.generation(id, GENERATION_ATTEMPTS)
                : null;
        printHeader(plan, target);
        prime(plan, primeCalls, config, catalog, names, lookup != null);
        return measure(plan, slice, target, client, bound.costs(), lookup, names, runDir, seed);
      }
    }
  }

  private void printHeader(Plan plan, Target target) {
    Suite suite = plan.suite();
    options
        .out()
        .printf(
            "# pitwall %s: suite %s, %d cells, %s, target %s%n",
            BuildInfo.pitwallVersion(),
            suite.name(),
            plan.cells().size(),
            suite.iterations().calls() == Iterations.UNBOUNDED
                ? suite.iterations().total() + " iterations of " + suite.iterations().duration()
                : plan.totalCalls() + " calls",
            target.label());
    options.out().flush();
  }

  /**
   * Runs the plan's calls against a canned loopback server first ({@link Primer}), so pitwall's own
   * code is compiled before the first measured call; its records are discarded.
   */
  private void prime(
      Plan plan,
      int calls,
      ClientConfig config,
      ModelCatalog catalog,
      ProviderNames names,
      boolean withLookups)
      throws IOException, InterruptedException {
    if (calls == 0) {
      return;
    }
    List<OpenRouterApi> lookups = new ArrayList<>(1);
    Primer.Report primed;
    try (RequestsCsvWriter rows = RequestsCsvWriter.discarding(names)) {
      primed =
          Primer.prime(
              plan,
              calls,
              url ->
                  LlmClients.http(
                      ClientConfig.of(url, null).withKeepaliveIdle(config.keepaliveIdle()),
                      Ticker.system(),
                      catalog),
              withLookups
                  ? url -> {
                    OpenRouterApi api = new OpenRouterApi(ClientConfig.of(url, null));
                    lookups.add(api);
                    return id -> api.generation(id, 1);
                  }
                  : null,
              rows,
              new RunMetrics(Goodput.meetsEvery(plan.suite().slos()), names),
              options.stop());
    } finally {
      lookups.forEach(OpenRouterApi::close);
    }
    options
        .out()
        .printf(
            Locale.ROOT,
            "# primed: %d calls to a loopback responder in %.1f s, so pitwall's own code is"
                + " compiled before the first measured call (-Dprime=0 skips this)%n",
            primed.calls(),
            primed.took().toNanos() / 1e9);
    options.out().flush();
  }

  private static int primeCalls(Map<String, String> settings) {
    String text = settings.get("prime");
    if (text == null) {
      return Primer.DEFAULT_CALLS;
    }
    try {
      int calls = Integer.parseInt(text.strip());
      if (calls >= 0) {
        return calls;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "-Dprime=" + text + " is not a number of calls: give 0 (no priming) or more");
  }

  private Shard shard(Map<String, String> settings) {
    String text = options.shard() != null ? options.shard() : settings.get("shard");
    if (text == null) {
      return Shard.WHOLE;
    }
    try {
      return Shard.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private long seed(Map<String, String> settings) {
    if (options.seed() != null) {
      return options.seed();
    }
    String text = settings.getOrDefault("seed", Long.toString(SimulatorOptions.DEFAULT_SEED));
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new UsageException("-Dseed=" + text + " is not a whole number");
    }
  }

  /**
   * Asks the target about the key ({@code GET /key}): OpenRouter refusing it ends the run before
   * any measurement; what is left under the key's credit limit bounds the plan. Other targets may
   * have no such endpoint, and their answer only counts for the limit.
   */
  private static KeyStatus checkKey(TargetSession session) throws RunRefusedException {
    Target target = session.target();
    try (OpenRouterApi api = new OpenRouterApi(session.config())) {
      KeyStatus key = api.key();
      if (key.valid()) {
        return key;
      }
      if (target.kind() == Target.Kind.OPENROUTER) {
        if (key.httpStatus() == 0 || key.httpStatus() / 100 == 3) {
          // not reached at all (the message is the network path's one plain sentence)
          throw new RunRefusedException(Reason.UNREACHABLE, key.message());
        }
        throw new RunRefusedException(
            Reason.UNREACHABLE,
            String.format(
                "%s rejected the API key before any measurement (HTTP %d: %s). Check %s.",
                target.label(), key.httpStatus(), key.message(), Target.KEY_VARIABLE));
      }
      return new KeyStatus(true, key.httpStatus(), null, null, null, null);
    }
  }

  /**
   * The target's models and prices. An empty catalog when the target answers but has no usable
   * /models (another OpenAI-compatible server).
   */
  private ModelCatalog catalog(TargetSession session) throws RunRefusedException {
    Target target = session.target();
    try (OpenRouterApi api = new OpenRouterApi(session.config())) {
      try {
        return api.models();
      } catch (OpenRouterApi.ApiException e) {
        if (e.httpStatus() == 0 || e.httpStatus() / 100 == 3) {
          throw new RunRefusedException(Reason.UNREACHABLE, e.getMessage());
        }
        if (e.httpStatus() == 401 || e.httpStatus() == 403) {
          throw new RunRefusedException(
              Reason.UNREACHABLE,
              String.format(
                  "%s refused the API key (HTTP %d: %s). Check %s.",
                  target.label(), e.httpStatus(), e.getMessage(), Target.KEY_VARIABLE));
        }
        options
            .err()
            .printf(
                "pitwall: %s has no usable /models (HTTP %d); costs come only from usage.cost%n",
                target.label(), e.httpStatus());
        return new ModelCatalog(List.of());
      }
    }
  }

  private void simulatorBanner(TargetSession session, long seed) {
    PrintWriter err = options.err();
    String line = "=".repeat(76);
    err.println(line);
    err.println("  SIMULATED RUN: no OPENROUTER_API_KEY is set, so pitwall measures its built-in");
    err.println(
        "  OpenRouter simulator at " + session.config().baseUrl() + " (seed " + seed + ").");
    err.println("  Every output is marked simulated. Set OPENROUTER_API_KEY to measure the real");
    err.println("  API, or -Dtarget=URL for any OpenAI-compatible server.");
    err.println(line);
    err.flush();
  }

  private static Plan slice(Plan whole, Shard slice) {
    Plan plan = slice.select(whole);
    if (plan.cells().isEmpty()) {
      throw new UsageException(
          "--shard "
              + slice
              + " has no cells: the suite has only "
              + whole.cells().size()
              + " cells, so use at most that many shards");
    }
    return plan;
  }

  /**
   * Refuses a plan whose worst case exceeds {@code max_cost_usd} or what is left under the key's
   * credit limit ({@link CostBound#overBudget}); {@code --allow-over-budget} turns both into
   * warnings.
   */
  private void checkBudget(CostBound bound, BigDecimal limitRemaining) throws RunRefusedException {
    for (String message : bound.overBudget(limitRemaining)) {
      refuseOrWarn(message);
    }
  }

  private void refuseOrWarn(String message) throws RunRefusedException {
    if (!options.allowOverBudget()) {
      throw new RunRefusedException(Reason.OVER_BUDGET, message);
    }
    options.err().println("pitwall: " + message);
  }

  private RunOutcome measure(
      Plan plan,
      Shard slice,
      Target target,
      LlmClient client,
      CostEstimator costs,
      GenerationLookup lookup,
      ProviderNames names,
      Path runDir,
      long seed)
      throws IOException, InterruptedException {
    Suite suite = plan.suite();
    RunMetrics metrics = new RunMetrics(Goodput.meetsEvery(suite.slos()), names);
    Instant start = Instant.now();
    RunStatus status;
    String haltReason;
    long limitWaitNs;
    try (RequestsCsvWriter requests =
        RequestsCsvWriter.open(runDir.resolve(RunLayout.REQUESTS_CSV), names)) {
      Runner runner =
          new Runner(
              RunContext.builder(plan, client)
                  .requests(requests)
                  .metrics(metrics)
                  .costs(costs)
                  .stop(options.stop())
                  .progress(options.progress())
                  .startEpochMs(start.toEpochMilli())
                  .nonce(options.nonce())
                  .grace(options.grace())
                  .generations(lookup)
                  .build());
      status = runner.run();
      haltReason = runner.haltReason();
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
            partialReason(status, haltReason),
            seed,
            settingsOf(plan, slice),
            BuildInfo.pitwallVersion(),
            BuildInfo.javaVersion(),
            BuildInfo.gitSha());
    RunResult result = new RunResult(info, metrics.results());
    Reports.writeAll(runDir, result, SuiteFacts.of(suite, names), options.chartScale());
    appendHistory(runDir, result);
    List<SloVerdict> verdicts = SloGate.evaluate(result, suite.slos());
    List<String> failures = RunFailures.reasons(result, suite.allowedProviders(), names);
    RunOutcome outcome = new RunOutcome(status, runDir, result, verdicts, failures, limitWaitNs);
    printSummary(outcome);
    return outcome;
  }

  private void printSummary(RunOutcome outcome) {
    PrintWriter out = options.out();
    out.println();
    out.print(ConsoleTable.render(outcome.result()));
    if (!outcome.verdicts().isEmpty()) {
      out.print(ConsoleTable.renderVerdicts(outcome.verdicts()));
    }
    for (String failure : outcome.failures()) {
      out.println("FAILED: " + failure);
    }
    if (outcome.rateLimitWaitNanos() > 0) {
      out.printf(
          "Rate limits held calls back for %.1f s in all (included in each call's dispatch"
              + " delay).%n",
          outcome.rateLimitWaitNanos() / 1e9);
    }
    if (outcome.partial()) {
      out.println("PARTIAL RUN: " + outcome.result().info().partialReason());
    }
    if (outcome.result().info().simulated()) {
      out.println("SIMULATED: these figures come from pitwall's built-in simulator.");
    }
    out.println("results: " + outcome.runDir().toAbsolutePath().normalize());
    out.flush();
  }

  /** The suite's effective settings, plus the shard when the run is one. */
  private static Map<String, String> settingsOf(Plan plan, Shard slice) {
    Map<String, String> settings = new LinkedHashMap<>(plan.suite().effectiveSettings());
    if (!slice.equals(Shard.WHOLE)) {
      settings.put("shard", slice.toString());
    }
    return settings;
  }

  /** One line per series into results/<suite>/history.csv, for nightly comparisons. */
  private void appendHistory(Path runDir, RunResult result) {
    try {
      History.append(runDir, result);
    } catch (IOException e) {
      options
          .err()
          .println("pitwall: could not append to the suite's history.csv: " + e.getMessage());
    }
  }

  private String partialReason(RunStatus status, String haltReason) {
    return switch (status) {
      case COMPLETE -> null;
      case INTERRUPTED -> options.stop().reason();
      case BUDGET_EXHAUSTED ->
          haltReason == null
              ? "budget exhausted (max_cost_usd)"
              : "budget exhausted: the account has no credits left, " + haltReason;
      case KEY_REJECTED -> "the target stopped accepting the API key: " + haltReason;
    };
  }
}
