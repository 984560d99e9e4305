package dev.pitwall.report;

import dev.pitwall.metrics.ProviderNames;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.metrics.SeriesResult;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Short, unique legend labels for the series of a run: "model [served provider]" without the
 * model's author prefix, with the prompt only when the run has several, and the requested route
 * only when it is needed to tell two series apart. Also numbers the series of each provider, so
 * charts can vary the line style of models that share a provider's colour.
 */
final class SeriesLabels {
  private final Map<SeriesKey, String> labels = new LinkedHashMap<>();
  private final Map<SeriesKey, Integer> variants = new HashMap<>();

  /** The labels of a run's series. */
  static SeriesLabels of(ReportContext ctx) {
    return new SeriesLabels(ctx.result().series().stream().map(SeriesResult::key).toList());
  }

  SeriesLabels(List<SeriesKey> keys) {
    boolean manyPrompts = keys.stream().map(SeriesKey::promptId).distinct().count() > 1;
    Map<String, Integer> baseCount = new HashMap<>();
    for (SeriesKey k : keys) {
      baseCount.merge(base(k, manyPrompts), 1, Integer::sum);
    }
    Set<String> used = new HashSet<>();
    Map<String, Integer> perProvider = new HashMap<>();
    for (SeriesKey k : keys) {
      String label = base(k, manyPrompts);
      if (baseCount.get(label) > 1) {
        label += " via " + k.requestedProvider();
      }
      String unique = label;
      for (int n = 2; !used.add(unique); n++) {
        unique = label + " #" + n;
      }
      labels.put(k, unique);
      variants.put(
          k, perProvider.merge(ProviderNames.spellingKey(k.servedProvider()), 1, Integer::sum) - 1);
    }
  }

  private static String base(SeriesKey k, boolean manyPrompts) {
    String prompt = manyPrompts ? k.promptId() + ": " : "";
    return prompt + shortModel(k.model()) + " [" + k.servedProvider() + "]";
  }

  /** The model without its author prefix: "gpt-4o" for "openai/gpt-4o". */
  private static String shortModel(String model) {
    return model.contains("/") ? model.substring(model.indexOf('/') + 1) : model;
  }

  String label(SeriesKey key) {
    return labels.get(key);
  }

  /** 0 for the first series of its provider, 1 for the second, ... */
  int variant(SeriesKey key) {
    return variants.getOrDefault(key, 0);
  }
}
