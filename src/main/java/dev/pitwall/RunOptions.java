package dev.pitwall;

import dev.pitwall.runner.ProgressListener;
import dev.pitwall.runner.StopSignal;
import dev.pitwall.suite.OverrideKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one {@link Pitwall#run()} needs, immutable. Built with {@link OptionsBuilder}, as JMH
 * builds its {@code Options}; the command line only fills one from flags and {@code -D}.
 *
 * @param suite a suite name in {@code benchmarks} or a path to a suite file
 * @param benchmarks where suite names are looked up
 * @param settings the {@code -Dkey=value} layer over the suite (models, calls, rate, target, ...)
 * @param target simulator, openrouter or a base URL; null: {@code settings["target"]}, then the
 *     environment (the simulator without a key)
 * @param environment where {@code OPENROUTER_API_KEY} is read
 * @param results where run folders are created
 * @param seed the simulator's seed; null: {@code settings["seed"]}, else 42
 * @param shard "I/N" to run one slice of the cells; null: {@code settings["shard"]}, else all
 * @param nonce append a per-call nonce to prompts so prompt caches cannot flatter repeats
 * @param allowOverBudget start even when the pre-flight bound exceeds max_cost_usd
 * @param grace after a stop, how long calls in flight may finish before they are cancelled
 * @param out the header, console table and verdicts, and the results line
 * @param err the simulator banner, warnings and refusals
 * @param progress told as calls end (a progress bar on a terminal)
 * @param stop signalled to stop scheduling (Ctrl-C): the run writes what it measured as partial
 */
public record RunOptions(
    String suite,
    Path benchmarks,
    Map<String, String> settings,
    String target,
    Map<String, String> environment,
    Path results,
    Long seed,
    String shard,
    boolean nonce,
    boolean allowOverBudget,
    Duration grace,
    int chartScale,
    PrintWriter out,
    PrintWriter err,
    ProgressListener progress,
    StopSignal stop) {
  public RunOptions {
    if (suite == null || suite.isBlank()) {
      throw new UsageException(
          "which suite? pass a name from benchmarks/ (e.g. cap-theorem) or -Dsuite=NAME");
    }
    Objects.requireNonNull(benchmarks, "benchmarks");
    settings.keySet().stream()
        .map(OverrideKeys::problem)
        .flatMap(Optional::stream)
        .findFirst()
        .ifPresent(
            problem -> {
              throw new UsageException(problem);
            });
    settings = Map.copyOf(settings);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new UsageException("--grace must not be negative, not " + grace);
    }
    if (chartScale < 1 || chartScale > 4) {
      throw new UsageException("--chart-scale must be 1 to 4, not " + chartScale);
    }
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(stop, "stop");
  }
}
