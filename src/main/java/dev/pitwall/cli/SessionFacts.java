package dev.pitwall.cli;

import dev.pitwall.CostBound;
import dev.pitwall.Target;
import dev.pitwall.TargetSession;
import dev.pitwall.client.KeyStatus;
import dev.pitwall.client.ModelCatalog;
import dev.pitwall.client.OpenRouterApi;
import dev.pitwall.sim.SimulatorOptions;
import dev.pitwall.suite.KnownModels;
import dev.pitwall.suite.Plan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TargetFacts} from the target {@code -Dtarget} / {@code OPENROUTER_API_KEY} select, asked
 * as {@code pitwall run} asks it (its /models, /endpoints and /key), so that {@code plan} prints
 * the bound {@code run} refuses on. The session (the simulator, when it is the target) opens only
 * when prices or the key are wanted: checking a suite against the simulator's snapshot needs none.
 */
final class SessionFacts implements TargetFacts {
  private final Target target;
  private TargetSession session;
  private ModelCatalog catalog;

  private SessionFacts(Target target) {
    this.target = target;
  }

  /** The target of {@code settings} ({@code -Dtarget}) and the environment (the key). */
  static TargetFacts open(Map<String, String> settings) {
    return new SessionFacts(Target.resolve(settings.get("target"), System.getenv()));
  }

  @Override
  public KnownModels known() {
    if (target.simulated()) {
      return TargetSession.knownModels(target, null, null); // the snapshot: no session needed
    }
    return TargetSession.knownModels(target, catalog(), session().endpoints());
  }

  @Override
  public CostBound bound(Plan plan) {
    return CostBound.at(plan, catalog(), session().endpoints());
  }

  @Override
  public Optional<BigDecimal> limitRemaining() {
    try (OpenRouterApi api = new OpenRouterApi(session().config())) {
      KeyStatus key = api.key();
      return key.valid() ? Optional.ofNullable(key.limitRemaining()) : Optional.empty();
    }
  }

  /** The target's /models; empty when it has none (its prices are then unknown). */
  private ModelCatalog catalog() {
    if (catalog == null) {
      try (OpenRouterApi api = new OpenRouterApi(session().config())) {
        catalog = api.models();
      } catch (OpenRouterApi.ApiException e) {
        catalog = new ModelCatalog(List.of());
      }
    }
    return catalog;
  }

  private TargetSession session() {
    if (session == null) {
      session = TargetSession.open(target, SimulatorOptions.DEFAULT_SEED, System.getenv());
    }
    return session;
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
    }
  }
}
