package dev.pitwall.sim;

import dev.pitwall.time.Ticker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How to start a {@link Simulator}. Immutable; {@link #defaults()} then {@code with…} (as
 * Failsafe's policies).
 *
 * @param host interface to bind; 127.0.0.1 unless the user asks otherwise
 * @param port TCP port; 0 picks a free ephemeral port
 * @param seed seeds every random decision: the same seed gives the same outcomes, providers and
 *     timings, call by call
 * @param profile the profile to serve; null reads {@code profileFile}, or the bundled one
 * @param profileFile a YAML/JSON profile file, used when {@code profile} is null
 * @param requireKey answer 401 when no {@code Authorization: Bearer} key is sent (embedded use
 *     sends none, so this is off by default)
 * @param ioThreads event-loop threads; a connection goes to the first with fewer than 256, so a
 *     light load keeps to one thread and a heavy one spreads over all
 * @param logRequests log one line per request (method, path, model, provider, status, ms)
 * @param requestTimeout how long a request may stop arriving midway (its head unfinished, or its
 *     body short of its length) before the server answers 408 and closes; connections idle between
 *     requests are not affected
 * @param tls null: plain HTTP; else the server's TLS context (its key and certificate), and the
 *     base URL is {@code https://}
 * @param keepAliveTimeout null: idle connections stay open; else a connection idle this long
 *     between requests is closed, as CDNs and load balancers do
 */
public record SimulatorOptions(
    String host,
    int port,
    long seed,
    SimProfile profile,
    Path profileFile,
    boolean requireKey,
    int ioThreads,
    boolean logRequests,
    Duration requestTimeout,
    Ticker ticker,
    Clock clock,
    SSLContext tls,
    Duration keepAliveTimeout) {

  public static final long DEFAULT_SEED = 42;

  /**
   * Long enough for any client that is sending, short enough not to hold a stalled one for long.
   */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  public SimulatorOptions {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535 (0 = any free port): " + port);
    }
    if (ioThreads < 1) {
      throw new IllegalArgumentException("ioThreads must be >= 1: " + ioThreads);
    }
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
    }
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(clock, "clock");
    if (keepAliveTimeout != null && (keepAliveTimeout.isNegative() || keepAliveTimeout.isZero())) {
      throw new IllegalArgumentException("keepAliveTimeout must be positive: " + keepAliveTimeout);
    }
  }

  public static SimulatorOptions defaults() {
    return new SimulatorOptions(
        "127.0.0.1",
        0,
        DEFAULT_SEED,
        null,
        null,
        false,
        Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
        false,
        DEFAULT_REQUEST_TIMEOUT,
        Ticker.system(),
        Clock.systemUTC(),
        null,
        null);
  }

  public SimulatorOptions withHost(String h) {
    return with(copy -> copy.host = h);
  }

  public SimulatorOptions withPort(int p) {
    return with(copy -> copy.port = p);
  }

  public SimulatorOptions withSeed(long s) {
    return with(copy -> copy.seed = s);
  }

  public SimulatorOptions withProfile(SimProfile p) {
    return with(copy -> copy.profile = p);
  }

  public SimulatorOptions withProfileFile(Path f) {
    return with(copy -> copy.profileFile = f);
  }

  public SimulatorOptions withRequireKey(boolean r) {
    return with(copy -> copy.requireKey = r);
  }

  public SimulatorOptions withIoThreads(int n) {
    return with(copy -> copy.ioThreads = n);
  }

  public SimulatorOptions withLogRequests(boolean l) {
    return with(copy -> copy.logRequests = l);
  }

  public SimulatorOptions withRequestTimeout(Duration d) {
    return with(copy -> copy.requestTimeout = d);
  }

  public SimulatorOptions withTicker(Ticker t) {
    return with(copy -> copy.ticker = t);
  }

  public SimulatorOptions withClock(Clock c) {
    return with(copy -> copy.clock = c);
  }

  /** Serves HTTPS with this server context. */
  public SimulatorOptions withTls(SSLContext serverContext) {
    return with(copy -> copy.tls = serverContext);
  }

  /** Closes connections idle this long between requests. */
  public SimulatorOptions withKeepAliveTimeout(Duration idle) {
    return with(copy -> copy.keepAliveTimeout = idle);
  }

  /** A copy with one setting changed: every {@code with…} above is one line over it. */
  private SimulatorOptions with(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The settings as mutable fields, for {@link #with} only. */
  private static final class Copy {
    private String host;
    private int port;
    private long seed;
    private SimProfile profile;
    private Path profileFile;
    private boolean requireKey;
    private int ioThreads;
    private boolean logRequests;
    private Duration requestTimeout;
    private Ticker ticker;
    private Clock clock;
    private SSLContext tls;
    private Duration keepAliveTimeout;

    Copy(SimulatorOptions o) {
      host = o.host;
      port = o.port;
      seed = o.seed;
      profile = o.profile;
      profileFile = o.profileFile;
      requireKey = o.requireKey;
      ioThreads = o.ioThreads;
      logRequests = o.logRequests;
      requestTimeout = o.requestTimeout;
      ticker = o.ticker;
      clock = o.clock;
      tls = o.tls;
      keepAliveTimeout = o.keepAliveTimeout;
    }

    SimulatorOptions build() {
      return new SimulatorOptions(
          host,
          port,
          seed,
          profile,
          profileFile,
          requireKey,
          ioThreads,
          logRequests,
          requestTimeout,
          ticker,
          clock,
          tls,
          keepAliveTimeout);
    }
  }

  /** The profile these options select: explicit, else the file, else the bundled one. */
  public SimProfile resolveProfile() {
    if (profile != null) {
      return profile;
    }
    return profileFile != null ? SimProfile.load(profileFile) : SimProfile.bundled();
  }
}
