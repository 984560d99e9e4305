package dev.pitwall.cli;

import dev.pitwall.sim.ProfileException;
import dev.pitwall.sim.Simulator;
import dev.pitwall.sim.SimulatorOptions;
import dev.pitwall.sim.TruthLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pitwall simulate}: serves the simulator until stopped, one log line per request. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the OpenRouter simulator until stopped (Ctrl-C), so any OpenAI-compatible tool can"
          + " be pointed at it. Logs one line per request; never the key."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "8090",
      description = "TCP port to listen on (0 = any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Interface to bind. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description = "A profile (YAML or JSON) replacing the bundled one; see docs/simulator.md.")
  Path profile;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of every random decision. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--require-key",
      description = "Answer 401 to requests without an Authorization: Bearer key.")
  boolean requireKey;

  @Option(
      names = "--request-timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description =
          "How long a request may stop arriving midway (head or body unfinished) before it is"
              + " answered 408 and the connection closed; idle keep-alive connections are kept."
              + " Default: ${DEFAULT-VALUE}.")
  Duration requestTimeout;

  @Option(
      names = "--io-threads",
      paramLabel = "N",
      description =
          "Event-loop threads. Each takes 256 connections before the next gets any, so a light"
              + " load wakes one CPU. Default: the number of CPUs, at most 4.")
  Integer ioThreads;

  @Option(
      names = "--truth-log",
      paramLabel = "FILE",
      description =
          "Write one CSV line per call with when the server flushed its first and last token"
              + " (monotonic ns, plus server TTFT and E2E in ms), keyed by generation id: the"
              + " truth a client's measurements are held against (scripts/bench-truth.sh).")
  Path truthLog;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      err.println(
          "pitwall simulate: --request-timeout must be positive (e.g. 30s), not "
              + requestTimeout.toMillis()
              + "ms");
      return 2;
    }
    if (ioThreads != null && ioThreads < 1) {
      err.println("pitwall simulate: --io-threads must be at least 1, not " + ioThreads);
      return 2;
    }
    SimulatorOptions defaults = SimulatorOptions.defaults();
    Simulator sim;
    try {
      sim =
          Simulator.start(
              defaults
                  .withIoThreads(ioThreads == null ? defaults.ioThreads() : ioThreads)
                  .withHost(host)
                  .withPort(port)
                  .withSeed(seed)
                  .withProfileFile(profile)
                  .withRequireKey(requireKey)
                  .withRequestTimeout(requestTimeout)
                  .withLogRequests(true));
    } catch (IllegalArgumentException e) {
      err.println("pitwall simulate: " + e.getMessage());
      return 2;
    } catch (ProfileException e) {
      err.println("pitwall simulate: bad profile: " + e.getMessage());
      return 2;
    } catch (IllegalStateException e) {
      err.println("pitwall simulate: " + e.getMessage());
      return 3;
    }
    TruthLog truth = null;
    if (truthLog != null) {
      try {
        truth = TruthLog.open(truthLog);
      } catch (IOException e) {
        sim.close();
        err.println("pitwall simulate: cannot write --truth-log " + truthLog + ": " + e);
        return 2;
      }
      sim.reportTimings(truth);
    }
    TruthLog openTruth = truth;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sim.close();
                  if (openTruth != null) {
                    try {
                      openTruth.close();
                    } catch (IOException e) {
                      System.err.println("pitwall simulate: --truth-log: " + e.getMessage());
                    }
                  }
                },
                "pitwall-sim-shutdown"));
    out.println(
        "pitwall simulator on "
            + sim.baseUrl()
            + " (seed "
            + seed
            + ", "
            + (profile == null ? "bundled profile" : "profile " + profile)
            + ", "
            + sim.profile().models().size()
            + " models, "
            + sim.transport()
            + " transport, "
            + sim.options().ioThreads()
            + (sim.options().ioThreads() == 1 ? " I/O thread" : " I/O threads")
            + "). Ctrl-C stops it.");
    out.flush();
    String tip = HugePagesTip.forThisJvm();
    if (tip != null) {
      err.println(tip);
      err.flush();
    }
    sim.awaitClose();
    return 0;
  }
}
