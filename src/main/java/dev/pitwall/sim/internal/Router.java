package dev.pitwall.sim.internal;

import dev.pitwall.sim.SimEndpoint;
import dev.pitwall.sim.SimModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * OpenRouter's provider selection for one model (docs/simulator.md, Routing), as a pure function of
 * the request's preferences and a seeded random source: the endpoints to try, in order.
 */
public final class Router {
  private Router() {}

  /**
   * @param degraded endpoints currently in an outage; load balancing moves them to the end
   * @return endpoints to try in order; empty when the filters leave none
   */
  public static List<SimEndpoint> candidates(
      SimModel model,
      ProviderPrefs prefs,
      RandomGenerator random,
      Predicate<SimEndpoint> degraded) {
    List<SimEndpoint> pool = new ArrayList<>();
    for (SimEndpoint e : model.endpoints()) {
      if (prefs.only() != null && prefs.only().stream().noneMatch(e::isNamed)) {
        continue;
      }
      if (prefs.ignore() != null && prefs.ignore().stream().anyMatch(e::isNamed)) {
        continue;
      }
      pool.add(e);
    }
    if (prefs.order() != null && !prefs.order().isEmpty()) {
      List<SimEndpoint> result = new ArrayList<>();
      for (String name : prefs.order()) {
        for (SimEndpoint e : pool) {
          if (e.isNamed(name) && !result.contains(e)) {
            result.add(e);
            break;
          }
        }
      }
      if (prefs.allowFallbacks()) {
        List<SimEndpoint> rest = new ArrayList<>(pool);
        rest.removeAll(result);
        result.addAll(ordered(rest, prefs.sort(), random, degraded));
      }
      return List.copyOf(result);
    }
    List<SimEndpoint> result = ordered(pool, prefs.sort(), random, degraded);
    if (!prefs.allowFallbacks() && !result.isEmpty()) {
      return List.of(result.get(0));
    }
    return result;
  }

  private static List<SimEndpoint> ordered(
      List<SimEndpoint> pool,
      String sort,
      RandomGenerator random,
      Predicate<SimEndpoint> degraded) {
    if (sort != null) {
      List<SimEndpoint> sorted = new ArrayList<>(pool);
      sorted.sort(comparator(sort));
      return sorted;
    }
    List<SimEndpoint> healthy = new ArrayList<>();
    List<SimEndpoint> down = new ArrayList<>();
    for (SimEndpoint e : pool) {
      (degraded.test(e) ? down : healthy).add(e);
    }
    List<SimEndpoint> result = weightedShuffle(healthy, random);
    result.addAll(weightedShuffle(down, random));
    return result;
  }

  static Comparator<SimEndpoint> comparator(String sort) {
    return switch (sort) {
      case "price" -> Comparator.comparing(e -> e.promptPrice().add(e.completionPrice()));
      case "throughput" -> Comparator.comparingDouble(e -> -e.tokensPerSecond());
      case "latency" -> Comparator.comparingDouble(SimEndpoint::ttftMedianMs);
      default -> throw new IllegalArgumentException("unknown sort " + sort);
    };
  }

  /**
   * Draws without replacement with weight 1/price² (price = prompt + completion per token), as
   * OpenRouter's default load balancing favours the cheapest stable providers.
   */
  static List<SimEndpoint> weightedShuffle(List<SimEndpoint> pool, RandomGenerator random) {
    List<SimEndpoint> left = new ArrayList<>(pool);
    List<SimEndpoint> result = new ArrayList<>(pool.size());
    while (!left.isEmpty()) {
      double total = 0;
      double[] weights = new double[left.size()];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = weight(left.get(i));
        total += weights[i];
      }
      double x = random.nextDouble() * total;
      int pick = weights.length - 1;
      for (int i = 0; i < weights.length; i++) {
        x -= weights[i];
        if (x < 0) {
          pick = i;
          break;
        }
      }
      result.add(left.remove(pick));
    }
    return result;
  }

  static double weight(SimEndpoint e) {
    double perMillion = e.promptPrice().add(e.completionPrice()).doubleValue() * 1e6;
    // Free endpoints would have infinite weight; a floor of $0.001/M keeps the arithmetic finite.
    double p = Math.max(perMillion, 1e-3);
    return 1.0 / (p * p);
  }
}
