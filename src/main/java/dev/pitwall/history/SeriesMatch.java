package dev.pitwall.history;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.ProviderNames;
import dev.pitwall.metrics.SeriesKey;

/**
 * The identity of a series across runs and shards: its cell and its served provider, spelled the
 * way {@link dev.pitwall.metrics.RunMetrics} merges spellings ("OpenAI" served, "openai" pinned).
 */
final class SeriesMatch {
  private SeriesMatch() {}

  static String key(SeriesKey key) {
    return key.cellId() + " @ " + ProviderNames.spellingKey(key.servedProvider());
  }

  static String key(CallRecord record) {
    return key(SeriesKey.of(record));
  }
}
