package dev.pitwall.history;

import java.util.EnumMap;
import java.util.Map;

/**
 * How a comparison decides: the confidence of Welch's test (0.99 means a p-value below 0.01 is
 * significant) and the threshold of each measure. Immutable; {@link #withThreshold} returns a copy.
 */
public record CompareOptions(double confidence, Map<Measure, Threshold> thresholds) {
  public static final double DEFAULT_CONFIDENCE = 0.99;

  public CompareOptions {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "confidence must lie between 0 and 1 (e.g. 0.99), not " + confidence);
    }
    EnumMap<Measure, Threshold> all = new EnumMap<>(Measure.class);
    for (Measure m : Measure.values()) {
      all.put(m, m.defaultThreshold());
    }
    all.putAll(thresholds);
    thresholds = java.util.Collections.unmodifiableMap(all);
  }

  public static CompareOptions defaults() {
    return new CompareOptions(DEFAULT_CONFIDENCE, Map.of());
  }

  public CompareOptions withConfidence(double c) {
    return new CompareOptions(c, thresholds);
  }

  public CompareOptions withThreshold(Measure m, Threshold t) {
    EnumMap<Measure, Threshold> next = new EnumMap<>(thresholds);
    next.put(m, t);
    return new CompareOptions(confidence, next);
  }

  public Threshold threshold(Measure m) {
    return thresholds.get(m);
  }

  /** The largest p-value that counts as significant. */
  public double alpha() {
    return 1 - confidence;
  }
}
