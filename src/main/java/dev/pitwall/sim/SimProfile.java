package dev.pitwall.sim;

import dev.pitwall.sim.internal.ProfileReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the simulator serves: models with their endpoints and latency models, the models it no
 * longer serves ({@link RetiredModel}), the faults to inject and the per-key rate limits. {@link
 * #bundled()} is the default; {@link #load(Path)} reads a user's YAML or JSON file of the same
 * shape (see docs/simulator.md).
 */
public record SimProfile(
    List<SimModel> models,
    List<RetiredModel> retired,
    List<FaultRule> faults,
    RateLimits rateLimits) {

  public SimProfile {
    if (models == null || models.isEmpty()) {
      throw new IllegalArgumentException("a profile needs at least one model under models:");
    }
    models = List.copyOf(models);
    retired = retired == null ? List.of() : List.copyOf(retired);
    faults = faults == null ? List.of() : List.copyOf(faults);
    rateLimits = rateLimits == null ? RateLimits.NONE : rateLimits;
    Set<String> ids = new HashSet<>();
    for (SimModel m : models) {
      if (!ids.add(m.id())) {
        throw new IllegalArgumentException("model " + m.id() + " is listed twice");
      }
    }
    for (RetiredModel r : retired) {
      if (!ids.add(r.id())) {
        throw new IllegalArgumentException("model " + r.id() + " is listed twice");
      }
    }
  }

  public SimProfile(List<SimModel> models, List<FaultRule> faults, RateLimits rateLimits) {
    this(models, List.of(), faults, rateLimits);
  }

  /** The profile shipped with pitwall (resource {@code dev/pitwall/sim/default-profile.yaml}). */
  public static SimProfile bundled() {
    return ProfileReader.bundled();
  }

  /**
   * Reads a profile file (YAML or JSON).
   *
   * @throws ProfileException with file:line:col when it cannot be read or is invalid
   */
  public static SimProfile load(Path file) {
    return ProfileReader.read(file);
  }

  /** Parses profile text; {@code sourceName} names it in errors. */
  public static SimProfile parse(String yaml, String sourceName) {
    return ProfileReader.parse(yaml, sourceName);
  }

  public Optional<SimModel> model(String id) {
    for (SimModel m : models) {
      if (m.id().equals(id)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The endpoints of a model in profile order, or an empty list for an unknown model. */
  public List<SimEndpoint> endpointsOf(String modelId) {
    return model(modelId).map(SimModel::endpoints).orElse(List.of());
  }

  public SimProfile withFaults(List<FaultRule> newFaults) {
    return new SimProfile(models, retired, newFaults, rateLimits);
  }

  public SimProfile withRateLimits(RateLimits newLimits) {
    return new SimProfile(models, retired, faults, newLimits);
  }

  /** The same models with every latency replaced, e.g. an instant one for load tests. */
  public SimProfile withLatency(LatencyModel latency) {
    return new SimProfile(
        models.stream()
            .map(
                m ->
                    new SimModel(
                        m.id(),
                        m.name(),
                        m.created(),
                        m.description(),
                        m.contextLength(),
                        m.modality(),
                        m.tokenizer(),
                        m.endpoints().stream()
                            .map(
                                e ->
                                    new SimEndpoint(
                                        e.providerName(),
                                        e.providerSlug(),
                                        e.promptPrice(),
                                        e.completionPrice(),
                                        e.quantization(),
                                        e.contextLength(),
                                        e.maxCompletionTokens(),
                                        e.supportedParameters(),
                                        latency))
                            .toList()))
            .toList(),
        retired,
        faults,
        rateLimits);
  }
}
