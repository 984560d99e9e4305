package dev.pitwall;

import dev.pitwall.client.ClientConfig;
import dev.pitwall.client.Endpoint;
import dev.pitwall.client.EndpointCache;
import dev.pitwall.client.ModelCatalog;
import dev.pitwall.client.ProxySettings;
import dev.pitwall.sim.SimEndpoint;
import dev.pitwall.sim.SimProfile;
import dev.pitwall.sim.Simulator;
import dev.pitwall.sim.SimulatorOptions;
import dev.pitwall.suite.KnownModels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A resolved {@link Target} for the duration of one command: starts the embedded simulator when the
 * target is the simulator, and stops it on close. Also the catalog view a suite's model ids and
 * provider slugs are checked against.
 */
public final class TargetSession implements AutoCloseable {
  private final Target target;
  private final Simulator simulator;
  private final ClientConfig config;
  private final EndpointCache endpoints;

  private TargetSession(Target target, Simulator simulator, ClientConfig config) {
    this.target = target;
    this.simulator = simulator;
    this.config = config;
    this.endpoints = EndpointCache.over(config);
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
   * The target's /endpoints, each model's fetched once for the whole command, through the session's
   * proxy and key.
   */
  public EndpointCache endpoints() {
    return endpoints;
  }

  /**
   * The catalog a suite is checked against: the bundled snapshot for the simulator ({@code catalog}
   * and {@code endpoints} ignored); the target's /models ({@code catalog}) otherwise, with the
   * snapshot's retired models for OpenRouter. Providers come from {@code endpoints} (a session's
   * {@link #endpoints()}), fetched for the models a suite names only; an empty catalog (a server
   * without /models) checks nothing but retired ids.
   */
  public static KnownModels knownModels(
      Target target, ModelCatalog catalog, EndpointCache endpoints) {
    SimProfile snapshot = SimProfile.bundled();
    List<KnownModels.Retired> retired =
        target.kind() == Target.Kind.URL
            ? List.of()
            : snapshot.retired().stream()
                .map(r -> new KnownModels.Retired(r.id(), r.retired(), r.successor()))
                .toList();
    if (target.simulated()) {
      return new KnownModels(
          snapshot.models().stream()
              .map(m -> new KnownModels.Current(m.id(), m.created()))
              .toList(),
          retired,
          id ->
              names(
                  snapshot.endpointsOf(id), SimEndpoint::providerSlug, SimEndpoint::providerName));
    }
    if (catalog.size() == 0) {
      return new KnownModels(List.of(), retired, id -> Map.of());
    }
    return new KnownModels(
        catalog.models().stream().map(m -> new KnownModels.Current(m.id(), m.created())).toList(),
        retired,
        id ->
            endpoints
                .of(id)
                .map(list -> names(list, Endpoint::tag, Endpoint::providerName))
                .orElse(Map.of()));
  }

  private static <E> Map<String, String> names(
      List<E> endpoints, Function<E, String> slug, Function<E, String> name) {
    Map<String, String> out = new LinkedHashMap<>();
    for (E e : endpoints) {
      if (slug.apply(e) != null && name.apply(e) != null) {
        out.putIfAbsent(slug.apply(e), name.apply(e));
      }
    }
    return out;
  }

  @Override
  public void close() {
    if (simulator != null) {
      simulator.close();
    }
  }
}
