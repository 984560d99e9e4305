package dev.pitwall.sim.bench;

import dev.pitwall.sim.SimProfile;
import dev.pitwall.sim.Simulator;
import dev.pitwall.sim.SimulatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The simulator with the benchmark profile, in its own JVM, for scripts/bench-sim.sh. Args: port
 * [ioThreads]. Prints "ready" when it listens; serves until killed.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = Integer.parseInt(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    String yaml;
    try (InputStream in =
        BenchServer.class.getResourceAsStream("/dev/pitwall/sim/bench/bench-profile.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Simulator sim =
        Simulator.start(
            SimulatorOptions.defaults()
                .withPort(port)
                .withIoThreads(threads)
                .withProfile(SimProfile.parse(yaml, "bench-profile.yaml")));
    System.out.println("ready " + sim.baseUrl() + " (" + sim.transport() + " transport)");
    System.out.flush();
    sim.awaitClose();
  }
}
