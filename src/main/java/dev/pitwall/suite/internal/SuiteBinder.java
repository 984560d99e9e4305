package dev.pitwall.suite.internal;

import dev.pitwall.suite.Arrival;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.KnownModels;
import dev.pitwall.suite.Limits;
import dev.pitwall.suite.Load;
import dev.pitwall.suite.LoadMode;
import dev.pitwall.suite.ModelSpec;
import dev.pitwall.suite.Prompt;
import dev.pitwall.suite.ProviderLimits;
import dev.pitwall.suite.Retries;
import dev.pitwall.suite.RetryOn;
import dev.pitwall.suite.Slo;
import dev.pitwall.suite.Suite;
import dev.pitwall.suite.Timeouts;
import dev.pitwall.suite.internal.Node.Mapping;
import dev.pitwall.suite.internal.Node.Scalar;
import dev.pitwall.suite.internal.Node.ScalarType;
import dev.pitwall.text.Suggest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a suite's tree into the {@link Suite} model, recording every problem with its position.
 * Cross-field checks (limits against the offered rate, data policy against pinned providers, zero
 * cells) live in {@link SuiteChecks}.
 */
public final class SuiteBinder {
  static final List<String> TOP_KEYS =
      List.of(
          "suite",
          "description",
          "prompt",
          "prompts",
          "models",
          "request",
          "load",
          "iterations",
          "limits",
          "timeouts",
          "retries",
          "allowed_providers",
          "slos",
          "generation_stats");
  static final List<String> LOAD_KEYS = List.of("mode", "concurrency", "rate", "arrival", "seed");
  static final List<String> ITERATION_KEYS = List.of("warmup", "measurement", "calls", "duration");
  static final List<String> LIMIT_KEYS =
      List.of("requests_per_minute", "tokens_per_minute", "max_cost_usd", "providers");
  static final List<String> PROVIDER_LIMIT_KEYS =
      List.of("requests_per_minute", "tokens_per_minute");
  static final List<String> TIMEOUT_KEYS =
      List.of("connect", "first_token", "total", "keepalive_idle");
  static final List<String> RETRY_KEYS =
      List.of(
          "max",
          "backoff",
          "max_backoff",
          "honour_retry_after",
          "max_wait",
          "on_throttled",
          "on_server_error",
          "on_connect_error");
  static final List<String> SLO_EXAMPLES =
      List.of(
          "ttft_p50_ms",
          "ttft_p95_ms",
          "ttft_p99_ms",
          "e2e_p50_ms",
          "e2e_p95_ms",
          "e2e_p99_ms",
          "tpot_p95_ms",
          "ttfa_p95_ms",
          "error_rate",
          "throttle_rate",
          "cost_per_call_usd",
          "output_speed_min");

  /** Default in-flight cap of an open loop: high enough never to throttle a sane rate. */
  static final int OPEN_LOOP_DEFAULT_CONCURRENCY = 64;

  private static final Pattern RATE =
      Pattern.compile(
          "(\\d+(?:\\.\\d+)?)\\s*(?:/|per\\s+)\\s*(s|sec|second|m|min|minute)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SUITE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Fields f;
  private final Path file;

  private SuiteBinder(Fields fields, Path file) {
    this.f = fields;
    this.file = file;
  }

  /**
   * Binds {@code tree} (already read from {@code file}) with {@code overrides} applied. Returns
   * null when problems were recorded.
   */
  public static Suite bind(
      Path file,
      Node tree,
      Map<String, String> overrides,
      KnownModels knownModels,
      Problems problems) {
    Fields fields = new Fields(problems);
    Mapping parsed = fields.mapping(tree, "a suite");
    if (parsed == null) {
      return null;
    }
    Overrides layered = Overrides.apply(parsed, overrides);
    return new SuiteBinder(fields, file).suite(layered, knownModels);
  }

  private Suite suite(Overrides layered, KnownModels knownModels) {
    Mapping root = layered.root();
    f.onlyKeys(root, "the suite", TOP_KEYS);
    Node nameNode = f.required(root, "suite", "a suite", "suite: " + defaultName());
    String name = f.string(nameNode, "suite");
    if (name != null && !SUITE_NAME.matcher(name).matches()) {
      f.problems()
          .add(
              nameNode,
              "suite name '" + name + "' cannot be a folder name",
              "use letters, digits, '.', '_' and '-' only, e.g. " + defaultName());
    }
    String description = f.string(root, "description");
    List<Prompt> prompts = new PromptBinder(f, file).bind(root);
    Mapping request = f.mapping(root.get("request"), "request");
    List<ModelBinder.Bound> bound =
        new ModelBinder(f, knownModels).bind(root.get("models"), request, layered.request());
    List<ModelSpec> models = bound.stream().map(ModelBinder.Bound::spec).toList();
    Mapping loadNode = f.mapping(root.get("load"), "load");
    Load load = load(loadNode);
    int cells = prompts.size() * models.stream().mapToInt(m -> m.routes().size()).sum();
    Iterations iterations =
        iterations(f.mapping(root.get("iterations"), "iterations"), load, cells);
    Mapping limitsNode = f.mapping(root.get("limits"), "limits");
    Limits limits = limits(limitsNode);
    Timeouts timeouts = timeouts(f.mapping(root.get("timeouts"), "timeouts"));
    Retries retries = retries(root.get("retries"));
    List<String> allowed = f.strings(root, "allowed_providers");
    List<Slo> slos = slos(f.mapping(root.get("slos"), "slos"));
    new SuiteChecks(f.problems(), root)
        .check(prompts, bound, load, loadNode, limits, limitsNode, allowed, cells);
    if (!f.problems().isEmpty() || name == null) {
      return null;
    }
    return new Suite(
        name,
        description,
        file,
        prompts,
        models,
        load,
        iterations,
        limits,
        timeouts,
        retries,
        allowed,
        slos,
        Boolean.TRUE.equals(f.bool(root, "generation_stats")));
  }

  private String defaultName() {
    String n = file.getFileName().toString();
    return n.replaceFirst("\\.ya?ml$", "");
  }

  private Load load(Mapping m) {
    if (m == null) {
      return Load.CLOSED_SINGLE;
    }
    f.onlyKeys(m, "load", LOAD_KEYS);
    String mode = f.choice(m, "mode", List.of("closed", "open"));
    Double rate = rate(m.get("rate"));
    Integer concurrency = f.integer(m, "concurrency", 1);
    String arrival = f.choice(m, "arrival", List.of("constant", "poisson"));
    Node seedNode = m.get("seed");
    Long seed = seedNode == null ? null : f.longValue(seedNode, "seed", Long.MIN_VALUE);
    boolean open = "open".equals(mode) || (mode == null && m.get("rate") != null);
    if ("closed".equals(mode) && m.get("rate") != null) {
      f.problems()
          .add(
              m.get("rate"),
              "rate only applies to an open loop",
              "set 'mode: open', or remove rate and use concurrency");
    }
    if ("closed".equals(mode) && arrival != null) {
      f.problems()
          .add(
              m.get("arrival"),
              "arrival only applies to an open loop",
              "set 'mode: open' and a rate, or remove arrival");
    }
    if (open && m.get("rate") == null) {
      f.problems().add(m, "an open loop needs a rate", "add e.g. 'rate: 2/s' or 'rate: 30/min'");
    }
    if (open) {
      return new Load(
          LoadMode.OPEN,
          concurrency == null ? OPEN_LOOP_DEFAULT_CONCURRENCY : concurrency,
          rate == null ? 1 : rate,
          arrival == null ? Arrival.CONSTANT : Arrival.valueOf(arrival.toUpperCase(Locale.ROOT)),
          seed == null ? 1L : seed);
    }
    return new Load(
        LoadMode.CLOSED,
        concurrency == null ? 1 : concurrency,
        0,
        Arrival.CONSTANT,
        seed == null ? 1L : seed);
  }

  /** Calls per second from {@code 2/s}, {@code 30/min}, {@code 30 per minute} or a bare number. */
  private Double rate(Node n) {
    if (n == null || Fields.isNull(n)) {
      return null;
    }
    if (n instanceof Scalar s) {
      double perSecond = Double.NaN;
      if (s.type() == ScalarType.INTEGER || s.type() == ScalarType.FLOAT) {
        perSecond = Double.parseDouble(s.text());
      } else if (s.type() == ScalarType.STRING) {
        Matcher match = RATE.matcher(s.text().strip());
        if (match.matches()) {
          double amount = Double.parseDouble(match.group(1));
          perSecond =
              match.group(2).toLowerCase(Locale.ROOT).startsWith("m") ? amount / 60 : amount;
        }
      }
      if (perSecond > 0 && Double.isFinite(perSecond)) {
        return perSecond;
      }
      if (!Double.isNaN(perSecond)) {
        f.problems()
            .add(
                n,
                "rate must be greater than 0, not " + s.text(),
                "write e.g. 'rate: 2/s' or 'rate: 30/min'");
        return null;
      }
    }
    f.problems()
        .add(
            n,
            "rate must be calls per second or per minute, not " + n.kind(),
            "write e.g. 'rate: 2/s', 'rate: 30/min' (a bare number means per second)");
    return null;
  }

  private Iterations iterations(Mapping m, Load load, int cells) {
    if (m == null) {
      return Iterations.DEFAULTS;
    }
    f.onlyKeys(m, "iterations", ITERATION_KEYS);
    Iterations d = Iterations.DEFAULTS;
    Integer warmup = f.integer(m, "warmup", 0);
    Integer measurement = f.integer(m, "measurement", 1);
    Integer calls = f.integer(m, "calls", 1);
    Duration duration = f.duration(m, "duration");
    if (calls == null && duration != null) {
      calls = callsIn(duration, load, cells);
    }
    return new Iterations(
        warmup == null ? d.warmup() : warmup,
        measurement == null ? d.measurement() : measurement,
        calls == null ? d.calls() : calls,
        duration);
  }

  /**
   * A time-bound iteration's calls per cell: what an open loop offers in that time, else no cap.
   */
  private static int callsIn(Duration duration, Load load, int cells) {
    if (load.mode() == LoadMode.CLOSED || cells == 0) {
      return Iterations.UNBOUNDED;
    }
    double offered = load.ratePerSecond() * duration.toNanos() / 1e9;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1L, (long) Math.ceil(offered / cells)));
  }

  private Limits limits(Mapping m) {
    if (m == null) {
      return Limits.NONE;
    }
    f.onlyKeys(m, "limits", LIMIT_KEYS);
    Integer rpm = f.integer(m, "requests_per_minute", 1);
    Integer tpm = f.integer(m, "tokens_per_minute", 1);
    BigDecimal cost = f.positiveDecimal(m, "max_cost_usd");
    Map<String, ProviderLimits> perProvider = new LinkedHashMap<>();
    Mapping providers = f.mapping(m.get("providers"), "limits.providers");
    if (providers != null) {
      for (Node.Entry e : providers.entries().values()) {
        Mapping pm = f.mapping(e.value(), "limits for " + e.key());
        if (pm == null) {
          continue;
        }
        f.onlyKeys(pm, "limits.providers." + e.key(), PROVIDER_LIMIT_KEYS);
        Integer prpm = f.integer(pm, "requests_per_minute", 1);
        Integer ptpm = f.integer(pm, "tokens_per_minute", 1);
        if (prpm == null && ptpm == null && pm.entries().isEmpty()) {
          f.problems()
              .add(
                  pm,
                  "no limits given for provider " + e.key(),
                  "add requests_per_minute or tokens_per_minute");
        }
        perProvider.put(e.key(), new ProviderLimits(prpm, ptpm));
      }
    }
    return new Limits(rpm, tpm, cost, perProvider);
  }

  private Timeouts timeouts(Mapping m) {
    Timeouts d = Timeouts.DEFAULTS;
    if (m == null) {
      return d;
    }
    f.onlyKeys(m, "timeouts", TIMEOUT_KEYS);
    Duration connect = f.duration(m, "connect");
    Duration first = f.duration(m, "first_token");
    Duration total = f.duration(m, "total");
    Duration idle = f.duration(m, "keepalive_idle");
    Timeouts t =
        new Timeouts(
            connect == null ? d.connect() : connect,
            first == null ? d.firstToken() : first,
            total == null ? d.total() : total,
            idle == null ? d.keepaliveIdle() : idle);
    if (t.firstToken().compareTo(t.total()) > 0) {
      f.problems()
          .add(
              m.get(total != null ? "total" : "first_token"),
              "the total timeout ("
                  + t.total()
                  + ") is shorter than the first-token timeout ("
                  + t.firstToken()
                  + ")",
              "make 'total' at least as long as 'first_token'");
    }
    return t;
  }

  private Retries retries(Node n) {
    Retries d = Retries.NONE;
    if (n == null || Fields.isNull(n)) {
      return d;
    }
    if (n instanceof Scalar) {
      Integer max = f.integer(n, "retries", 0);
      return max == null ? d : d.toBuilder().maxRetries(max).build();
    }
    Mapping m = f.mapping(n, "retries");
    if (m == null) {
      return d;
    }
    f.onlyKeys(m, "retries", RETRY_KEYS);
    Integer max = f.integer(m, "max", 0);
    Duration backoff = f.duration(m, "backoff");
    Duration maxBackoff = f.duration(m, "max_backoff");
    Duration initial = backoff == null ? d.initialBackoff() : backoff;
    Duration cap =
        maxBackoff == null
            ? (initial.compareTo(d.maxBackoff()) > 0 ? initial : d.maxBackoff())
            : maxBackoff;
    if (cap.compareTo(initial) < 0) {
      f.problems()
          .add(
              m.get("max_backoff"),
              "max_backoff (" + cap + ") is shorter than backoff (" + initial + ")",
              "make max_backoff at least as long as backoff");
      return d;
    }
    Retries.Builder retries =
        d.toBuilder()
            .maxRetries(max == null ? 2 : max)
            .backoff(initial, cap)
            .honourRetryAfter(orDefault(f.bool(m, "honour_retry_after"), d.honourRetryAfter()));
    Duration maxWait = f.duration(m, "max_wait");
    if (maxWait != null) {
      retries.maxWait(maxWait);
    }
    for (RetryOn kind : RetryOn.values()) {
      retries.retryOn(kind, orDefault(f.bool(m, kind.key()), d.retries(kind)));
    }
    return retries.build();
  }

  private static boolean orDefault(Boolean b, boolean d) {
    return b == null ? d : b;
  }

  private List<Slo> slos(Mapping m) {
    if (m == null) {
      return List.of();
    }
    List<Slo> out = new ArrayList<>();
    for (Node.Entry e : m.entries().values()) {
      if (!Slo.KEY.matcher(e.key()).matches()) {
        f.problems()
            .add(
                e.keyPos(),
                "unknown SLO '" + e.key() + "'",
                Suggest.nearest(e.key(), SLO_EXAMPLES, 3).isEmpty()
                    ? "use <metric>_p<N>_ms or <metric>_mean_ms (metric: ttft, ttfa, e2e, tpot, icl), error_rate, throttle_rate, cost_per_call_usd or output_speed_min"
                    : Suggest.didYouMean(e.key(), SLO_EXAMPLES));
        continue;
      }
      boolean fraction = e.key().endsWith("_rate");
      Double limit = f.number(m, e.key(), 0, fraction ? 1 : Double.MAX_VALUE);
      if (limit != null) {
        out.add(new Slo(e.key(), limit));
      }
    }
    return out;
  }
}
