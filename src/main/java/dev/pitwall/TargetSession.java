package dev.pitwall;

import dev.pitwall.client.ClientConfig;
import dev.pitwall.client.ModelCatalog;
import dev.pitwall.client.OpenRouterApi;
import dev.pitwall.client.ProxySettings;
import dev.pitwall.sim.SimModel;
import dev.pitwall.sim.SimProfile;
import dev.pitwall.sim.Simulator;
import dev.pitwall.sim.SimulatorOptions;
import dev.pitwall.suite.ModelPrice;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A resolved {@link Target} for the duration of one command: starts the embedded simulator when the
 * target is the simulator, and stops it on close. Also the price look-up of commands that estimate
 * costs without running anything.
 */
public final class TargetSession implements AutoCloseable {
  private final Target target;
  private final Simulator simulator;
  private final ClientConfig config;

  private TargetSession(Target target, Simulator simulator, ClientConfig config) {
    this.target = target;
    this.simulator = simulator;
    this.config = config;
  }

  /**
   * Opens the target; {@code env} gives the HTTPS proxy ({@code HTTPS_PROXY}, {@code NO_PROXY}),
   * unless the JDK's {@code https.proxyHost} property names one.
   *
   * @throws UsageException when the proxy variable or property does not parse
   */
  public static TargetSession open(Target target, long seed, Map<String, String> env) {
    if (target.simulated()) {
      Simulator sim = Simulator.start(SimulatorOptions.defaults().withSeed(seed));
      return new TargetSession(target, sim, ClientConfig.of(sim.baseUrl(), null));
    }
    return new TargetSession(target, null, config(target, env));
  }

  private static ClientConfig config(Target target, Map<String, String> env) {
    ProxySettings proxy;
    try {
      proxy = ProxySettings.resolve(env, System.getProperties());
    } catch (ProxySettings.BadProxyException e) {
      throw new UsageException(e.getMessage());
    }
    return ClientConfig.of(target.baseUrl(), target.apiKey()).withProxy(proxy);
  }

  public ClientConfig config() {
    return config;
  }

  public Target target() {
    return target;
  }

  /**
   * List prices per model: the simulator's bundled profile when simulated (no call at all), else
   * the target's /models, fetched once on first use; empty for models it does not price.
   */
  public static Function<String, Optional<ModelPrice>> prices(Target target) {
    if (target.simulated()) {
      SimProfile profile = SimProfile.bundled();
      return id ->
          profile
              .model(id)
              .map(SimModel::cheapest)
              .map(e -> new ModelPrice(e.promptPrice(), e.completionPrice()));
    }
    ClientConfig config = config(target, System.getenv());
    ModelCatalog[] catalog = new ModelCatalog[1];
    return id -> {
      if (catalog[0] == null) {
        try (OpenRouterApi api = new OpenRouterApi(config)) {
          catalog[0] = api.models();
        } catch (OpenRouterApi.ApiException e) {
          catalog[0] = new ModelCatalog(java.util.List.of());
        }
      }
      return catalog[0]
          .model(id)
          .map(m -> m.pricing())
          .filter(p -> p != null && p.prompt() != null && p.completion() != null)
          .map(p -> new ModelPrice(p.prompt(), p.completion()));
    };
  }

  @Override
  public void close() {
    if (simulator != null) {
      simulator.close();
    }
  }
}
