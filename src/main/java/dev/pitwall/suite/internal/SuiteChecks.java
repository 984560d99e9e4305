package dev.pitwall.suite.internal;

import dev.pitwall.suite.Limits;
import dev.pitwall.suite.Load;
import dev.pitwall.suite.LoadMode;
import dev.pitwall.suite.ModelSpec;
import dev.pitwall.suite.Prompt;
import dev.pitwall.suite.ProviderLimits;
import dev.pitwall.suite.Route;
import dev.pitwall.suite.internal.Node.Mapping;
import dev.pitwall.text.Suggest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that span several sections: a suite whose parts are each valid can still be impossible to
 * run as written (zero cells, a rate limit below the offered rate, a pinned provider the data
 * policy forbids, a per-provider limit no cell can hit, two cells with one id).
 */
final class SuiteChecks {
  private final Problems problems;
  private final Mapping root;

  SuiteChecks(Problems problems, Mapping root) {
    this.problems = problems;
    this.root = root;
  }

  void check(
      List<Prompt> prompts,
      List<ModelBinder.Bound> models,
      Load load,
      Mapping loadNode,
      Limits limits,
      Mapping limitsNode,
      List<String> allowed,
      int cells) {
    int before = problems.size();
    zeroCells(prompts, models);
    if (problems.size() > before || cells == 0) {
      return;
    }
    duplicateCells(prompts, models);
    dataPolicy(models, allowed);
    Map<String, Integer> firstAsked = cellsAskingFirst(models, prompts.size());
    unusedProviderLimits(limits, limitsNode, firstAsked);
    if (load.mode() == LoadMode.OPEN) {
      openLoopRate(load, loadNode, limits, limitsNode, firstAsked, cells);
    }
    tokensPerMinute(models, limits, limitsNode);
  }

  private void zeroCells(List<Prompt> prompts, List<ModelBinder.Bound> models) {
    boolean promptsDeclared = root.get("prompt") != null || root.get("prompts") != null;
    Node modelsNode = root.get("models");
    if (prompts.isEmpty() && (!promptsDeclared || noItems(root.get("prompts")))) {
      problems.add(
          promptsDeclared ? root.get("prompts") : root,
          "the suite expands to zero cells: it has no prompts",
          "add 'prompts:' with at least one '- {id: ..., prompt: ...}', or 'prompt: <text>'");
    }
    if (models.isEmpty() && (modelsNode == null || noItems(modelsNode))) {
      problems.add(
          modelsNode == null ? root : modelsNode,
          "the suite expands to zero cells: it has no models",
          "add 'models:' with at least one id such as '- openai/gpt-4o'");
    }
  }

  private static boolean noItems(Node n) {
    return n == null || Fields.isNull(n) || (n instanceof Node.Sequence s && s.items().isEmpty());
  }

  private void duplicateCells(List<Prompt> prompts, List<ModelBinder.Bound> models) {
    Map<String, Node> seen = new HashMap<>();
    for (ModelBinder.Bound b : models) {
      for (Route route : b.spec().routes()) {
        String key = b.spec().displayName() + route.label();
        Node first = seen.putIfAbsent(key, b.node());
        if (first != null) {
          problems.add(
              b.node(),
              "model " + key + " appears twice with the same route, so its cells would share ids",
              "give one of them a 'label:' (e.g. label: "
                  + b.spec().id().replaceAll(".*/", "")
                  + "-json), or remove it (first on line "
                  + first.pos().line()
                  + ")");
        }
      }
    }
  }

  private void dataPolicy(List<ModelBinder.Bound> models, List<String> allowed) {
    if (allowed == null || allowed.isEmpty()) {
      return;
    }
    for (ModelBinder.Bound b : models) {
      for (Map.Entry<String, Node> p : b.providerNodes().entrySet()) {
        String base = p.getKey().replaceAll("/.*", "");
        if (!allowed.contains(p.getKey()) && !allowed.contains(base)) {
          problems.add(
              p.getValue(),
              "provider '"
                  + p.getKey()
                  + "' of "
                  + b.spec().id()
                  + " is not in allowed_providers "
                  + allowed,
              "remove it from the model, or add it to allowed_providers if the data policy permits");
        }
      }
    }
  }

  /** How many cells name each provider first (pinned or ordered routes). */
  private static Map<String, Integer> cellsAskingFirst(
      List<ModelBinder.Bound> models, int prompts) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (ModelBinder.Bound b : models) {
      for (Route route : b.spec().routes()) {
        if (route.requestedProvider() != null) {
          out.merge(route.requestedProvider(), prompts, Integer::sum);
        }
      }
    }
    return out;
  }

  private void unusedProviderLimits(
      Limits limits, Mapping limitsNode, Map<String, Integer> firstAsked) {
    if (limits.perProvider().isEmpty()) {
      return;
    }
    Mapping providers = (Mapping) limitsNode.get("providers");
    for (Node.Entry e : providers.entries().values()) {
      if (!firstAsked.containsKey(e.key())) {
        problems.add(
            e.keyPos(),
            "no cell asks for provider '" + e.key() + "' first, so this limit would never apply",
            firstAsked.isEmpty()
                ? "pin the provider with a model's 'providers:' or 'order:' list, or remove this limit"
                : Suggest.didYouMean(e.key(), firstAsked.keySet()));
      }
    }
  }

  /**
   * An open loop offers its rate whatever happens; a limiter below that rate would queue calls
   * without end and turn the open loop into a closed one, so the suite is refused.
   */
  private void openLoopRate(
      Load load,
      Mapping loadNode,
      Limits limits,
      Mapping limitsNode,
      Map<String, Integer> firstAsked,
      int cells) {
    double perMinute = load.ratePerSecond() * 60;
    Integer rpm = limits.requestsPerMinute();
    if (rpm != null && rpm < perMinute - 1e-9) {
      problems.add(
          limitsNode.get("requests_per_minute"),
          "requests_per_minute "
              + rpm
              + " is lower than the offered open-loop rate of "
              + fmt(perMinute)
              + " per minute (load.rate "
              + origin(loadNode, "rate")
              + ")",
          "raise requests_per_minute to at least "
              + (long) Math.ceil(perMinute)
              + ", or lower load.rate to at most "
              + rpm
              + "/min");
    }
    for (Map.Entry<String, ProviderLimits> e : limits.perProvider().entrySet()) {
      Integer prpm = e.getValue().requestsPerMinute();
      Integer share = firstAsked.get(e.getKey());
      if (prpm == null || share == null) {
        continue;
      }
      double offered = perMinute * share / cells;
      if (prpm < offered - 1e-9) {
        Mapping pm = (Mapping) ((Mapping) limitsNode.get("providers")).get(e.getKey());
        problems.add(
            pm.get("requests_per_minute"),
            "provider "
                + e.getKey()
                + " is offered "
                + fmt(offered)
                + " requests per minute ("
                + share
                + " of "
                + cells
                + " cells at "
                + fmt(perMinute)
                + "/min) but limited to "
                + prpm,
            "raise its requests_per_minute to at least "
                + (long) Math.ceil(offered)
                + ", or lower load.rate");
      }
    }
  }

  private void tokensPerMinute(List<ModelBinder.Bound> models, Limits limits, Mapping limitsNode) {
    Integer tpm = limits.tokensPerMinute();
    if (tpm == null) {
      return;
    }
    for (ModelBinder.Bound b : models) {
      ModelSpec m = b.spec();
      Integer max = m.request().maxTokens();
      if (max != null && max > tpm) {
        problems.add(
            limitsNode.get("tokens_per_minute"),
            "tokens_per_minute "
                + tpm
                + " is below max_tokens "
                + max
                + " of "
                + m.id()
                + ": one call could never fit in a minute's budget",
            "raise tokens_per_minute to at least " + max + ", or lower max_tokens");
        return;
      }
    }
  }

  /** Where a value came from, for messages: "on line 7", or "from -Drate=5/s". */
  private static String origin(Mapping m, String key) {
    Node n = m.get(key);
    return n.pos().line() == 0 ? "from " + n.pos().file() : "on line " + n.pos().line();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format("%.2f", d);
  }
}
