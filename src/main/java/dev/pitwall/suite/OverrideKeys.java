package dev.pitwall.suite;

import dev.pitwall.text.Suggest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of {@code -Dkey=value} settings: what the command line accepts, what {@code
 * dev.pitwall.OptionsBuilder#set} takes, and what the loader applies. Keys listed twice used to
 * disagree (one list accepted {@code retries} that the other dropped); a test keeps this list and
 * the suite schema in step.
 */
public final class OverrideKeys {
  /**
   * Keys the suite loader applies, with the section each lands in: {@code request} keys win over
   * per-model settings too; {@code models} replaces the model list; {@code retries} sets the number
   * of retries (the {@code retries: N} shorthand, or {@code max} of a mapping).
   */
  public static final Map<String, String> SUITE = suiteKeys();

  /**
   * Keys read by the run itself, not the suite: which suite, the target, the shard, and how many
   * calls prime pitwall's own code first. ({@code seed} is a suite key, the open loop's, and also
   * seeds the simulator.)
   */
  public static final List<String> RUN = List.of("suite", "target", "shard", "prime");

  private OverrideKeys() {}

  private static Map<String, String> suiteKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("models", "");
    for (String k : List.of("mode", "concurrency", "rate", "arrival", "seed")) {
      keys.put(k, "load");
    }
    for (String k : List.of("warmup", "measurement", "calls", "duration")) {
      keys.put(k, "iterations");
    }
    for (String k : List.of("requests_per_minute", "tokens_per_minute", "max_cost_usd")) {
      keys.put(k, "limits");
    }
    for (String k : List.of("stream", "max_tokens", "temperature", "top_p", "json_mode", "gzip")) {
      keys.put(k, "request");
    }
    keys.put("retries", "");
    keys.put("generation_stats", "");
    return Collections.unmodifiableMap(keys);
  }

  /**
   * Why {@code key} is not a setting, with the nearest known key suggested; empty when it is one.
   */
  public static Optional<String> problem(String key) {
    if (RUN.contains(key) || SUITE.containsKey(key)) {
      return Optional.empty();
    }
    return Optional.of(
        "-D"
            + key
            + " is not a setting"
            + Suggest.closest(key, all()).map(k -> "; did you mean -D" + k + "?").orElse("")
            + " Known: "
            + String.join(", ", all()));
  }

  /** Every key, run keys first, in a stable order for messages. */
  public static List<String> all() {
    List<String> all = new ArrayList<>(RUN);
    all.addAll(SUITE.keySet());
    return List.copyOf(all);
  }
}
