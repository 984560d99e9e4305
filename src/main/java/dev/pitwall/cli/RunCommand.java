package dev.pitwall.cli;

import dev.pitwall.OptionsBuilder;
import dev.pitwall.Pitwall;
import dev.pitwall.RunOutcome;
import dev.pitwall.RunRefusedException;
import dev.pitwall.runner.StopSignal;
import dev.pitwall.suite.SuiteException;
import dev.pitwall.time.Ticker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pitwall run SUITE}: fills {@link dev.pitwall.RunOptions} from flags and {@code -D}, runs
 * them through {@link Pitwall}, and turns the outcome into an exit code. The last line printed
 * names the results folder.
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

  @Mixin ChartScaleOption chartScale;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> settings = suiteOptions.settings();
    StopSignal stop = new StopSignal();
    Interrupts.stopOnSigint(stop);
    OptionsBuilder options =
        new OptionsBuilder()
            .suite(suiteOptions.name(settings))
            .benchmarks(suiteOptions.benchmarks)
            .settings(settings)
            .target(target)
            .results(results)
            .shard(shard)
            .nonce(nonce)
            .allowOverBudget(allowOverBudget)
            .grace(grace)
            .chartScale(chartScale.scale)
            .out(out)
            .err(err)
            .progress(new ConsoleProgress(System.out, System.console() != null, Ticker.system()))
            .stop(stop);
    if (seed != null) {
      options.seed(seed);
    }
    try {
      return exitCode(new Pitwall(options.build()).run());
    } catch (SuiteException e) {
      err.println(e.getMessage());
      return ExitCode.USAGE;
    } catch (RunRefusedException e) {
      err.println("pitwall: " + e.getMessage());
      return switch (e.reason()) {
        case UNREACHABLE -> ExitCode.UNREACHABLE;
        case OVER_BUDGET -> ExitCode.BUDGET;
      };
    }
  }

  static int exitCode(RunOutcome outcome) {
    return switch (outcome.status()) {
      case INTERRUPTED -> ExitCode.INTERRUPTED;
      case BUDGET_EXHAUSTED -> ExitCode.BUDGET;
      case KEY_REJECTED -> ExitCode.UNREACHABLE;
      case COMPLETE -> outcome.passed() ? ExitCode.OK : ExitCode.GATE_FAILED;
    };
  }
}
