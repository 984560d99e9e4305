package dev.pitwall.report;

import dev.pitwall.metrics.SeriesKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Short, unique legend labels for the series of a run: "model [served provider]" without the
 * model's author prefix ("model" or "model@provider" for a cell, all its providers merged), with
 * the prompt only when the run has several, and the requested route only when it is needed to tell
 * two series apart. Also numbers the providers' series of each cell, so charts can vary the marker
 * of providers that share their model's colour (in shades).
 */
final class SeriesLabels {
  private final Map<SeriesKey, String> labels = new LinkedHashMap<>();
  private final Map<SeriesKey, Integer> variants = new HashMap<>();

  /** The labels of a run's series and of its cells. */
  static SeriesLabels of(ReportContext ctx) {
    List<SeriesKey> keys = new java.util.ArrayList<>();
    ctx.result().series().forEach(s -> keys.add(s.key()));
    ctx.cells().forEach(s -> keys.add(s.key()));
    return new SeriesLabels(keys);
  }

  SeriesLabels(List<SeriesKey> keys) {
    boolean manyPrompts = keys.stream().map(SeriesKey::promptId).distinct().count() > 1;
    Map<String, Integer> baseCount = new HashMap<>();
    for (SeriesKey k : keys) {
      baseCount.merge(base(k, manyPrompts), 1, Integer::sum);
    }
    Set<String> used = new HashSet<>();
    Map<String, Integer> perCell = new HashMap<>();
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
      if (!k.isCell()) {
        variants.put(k, perCell.merge(k.cellId(), 1, Integer::sum) - 1);
      }
    }
  }

  private static String base(SeriesKey k, boolean manyPrompts) {
    String prompt = manyPrompts ? k.promptId() + ": " : "";
    if (k.isCell()) {
      String route = "auto".equals(k.requestedProvider()) ? "" : "@" + k.requestedProvider();
      return prompt + shortModel(k.model()) + route;
    }
    return prompt + shortModel(k.model()) + " [" + k.servedProvider() + "]";
  }

  /** The model without its author prefix: "gpt-4o" for "openai/gpt-4o". */
  private static String shortModel(String model) {
    return model.contains("/") ? model.substring(model.indexOf('/') + 1) : model;
  }

  String label(SeriesKey key) {
    return labels.get(key);
  }

  /** 0 for the first provider's series of its cell, 1 for the second, ... */
  int variant(SeriesKey key) {
    return variants.getOrDefault(key, 0);
  }
}
