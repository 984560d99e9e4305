package dev.pitwall.sim.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generation records by id for {@code GET /generation}, the oldest dropped beyond a bound so a long
 * load test cannot exhaust the heap.
 *
 * <p>Thread-safe (synchronized; puts and gets are O(1)).
 */
public final class GenerationStore {
  private final Map<String, GenerationRecord> byId;

  public GenerationStore(int capacity) {
    this.byId =
        new LinkedHashMap<>(1024, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, GenerationRecord> eldest) {
            return size() > capacity;
          }
        };
  }

  public synchronized void put(GenerationRecord record) {
    byId.put(record.id(), record);
  }

  public synchronized GenerationRecord get(String id) {
    return byId.get(id);
  }
}
