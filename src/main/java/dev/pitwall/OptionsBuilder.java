package dev.pitwall;

import dev.pitwall.runner.ProgressListener;
import dev.pitwall.runner.StopSignal;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds {@link RunOptions} the way JMH's {@code OptionsBuilder} builds its options:
 *
 * <pre>{@code
 * RunOptions options = new OptionsBuilder()
 *     .suite("cap-theorem")
 *     .set("calls", "1")
 *     .target("simulator")
 *     .results(tempDir)
 *     .build();
 * RunOutcome outcome = new Pitwall(options).run();
 * }</pre>
 *
 * Defaults: suites in {@code benchmarks/}, results in {@code results/}, the target chosen by {@code
 * OPENROUTER_API_KEY} (the simulator without one), 10 s grace, output discarded.
 */
public final class OptionsBuilder {
  private static final PrintWriter DISCARD =
      new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

  private String suite;
  private Path benchmarks = Path.of("benchmarks");
  private final Map<String, String> settings = new LinkedHashMap<>();
  private String target;
  private Map<String, String> environment = System.getenv();
  private Path results = Path.of("results");
  private Long seed;
  private String shard;
  private boolean nonce;
  private boolean allowOverBudget;
  private Duration grace = Duration.ofSeconds(10);
  private int chartScale = 1;
  private PrintWriter out = DISCARD;
  private PrintWriter err = DISCARD;
  private ProgressListener progress = ProgressListener.NONE;
  private StopSignal stop = new StopSignal();

  /** A suite name in the benchmarks folder (e.g. "cap-theorem") or a path to a suite file. */
  public OptionsBuilder suite(String nameOrPath) {
    this.suite = nameOrPath;
    return this;
  }

  public OptionsBuilder suite(Path file) {
    return suite(file.toString());
  }

  public OptionsBuilder benchmarks(Path dir) {
    this.benchmarks = Objects.requireNonNull(dir, "dir");
    return this;
  }

  /** One {@code -Dkey=value} setting over the suite; the last one set for a key wins. */
  public OptionsBuilder set(String key, String value) {
    settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  public OptionsBuilder settings(Map<String, String> all) {
    all.forEach(this::set);
    return this;
  }

  /** "simulator", "openrouter" or a base URL such as {@code http://127.0.0.1:8090/api/v1}. */
  public OptionsBuilder target(String target) {
    this.target = target;
    return this;
  }

  /** Where the API key is looked up (default: the process environment). */
  public OptionsBuilder environment(Map<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    return this;
  }

  public OptionsBuilder results(Path dir) {
    this.results = Objects.requireNonNull(dir, "dir");
    return this;
  }

  public OptionsBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** "I/N": run only shard I of N (a deterministic, disjoint slice of the cells). */
  public OptionsBuilder shard(String shard) {
    this.shard = shard;
    return this;
  }

  public OptionsBuilder nonce(boolean nonce) {
    this.nonce = nonce;
    return this;
  }

  public OptionsBuilder allowOverBudget(boolean allow) {
    this.allowOverBudget = allow;
    return this;
  }

  public OptionsBuilder grace(Duration grace) {
    this.grace = Objects.requireNonNull(grace, "grace");
    return this;
  }

  /** Pixels per chart unit of the PNGs: 1 for 1200×700 (the default), 2 for HiDPI 2400×1400. */
  public OptionsBuilder chartScale(int scale) {
    this.chartScale = scale;
    return this;
  }

  /** Where the console table, verdicts and results line go (default: nowhere). */
  public OptionsBuilder out(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
    return this;
  }

  /** Where the simulator banner, warnings and refusals go (default: nowhere). */
  public OptionsBuilder err(PrintWriter err) {
    this.err = Objects.requireNonNull(err, "err");
    return this;
  }

  public OptionsBuilder progress(ProgressListener progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
    return this;
  }

  /** A signal another thread (a Ctrl-C handler, a test) may raise to stop the run early. */
  public OptionsBuilder stop(StopSignal stop) {
    this.stop = Objects.requireNonNull(stop, "stop");
    return this;
  }

  public RunOptions build() {
    return new RunOptions(
        suite,
        benchmarks,
        settings,
        target,
        environment,
        results,
        seed,
        shard,
        nonce,
        allowOverBudget,
        grace,
        chartScale,
        out,
        err,
        progress,
        stop);
  }
}
