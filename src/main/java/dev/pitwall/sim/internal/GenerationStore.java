package dev.pitwall.sim.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generation records by id for {@code GET /generation}, the oldest dropped beyond a bound so a long
 * load test cannot exhaust the heap.
 *
 * <p>Thread-safe (synchronized; puts and gets are O(1)).
 */
public final class GenerationStore {
  static final int SHARED_VALUES = 256;

  private final Map<String, GenerationRecord> byId;
  private final Map<String, String> sharedValues = new HashMap<>();

  public GenerationStore(int capacity) {
    this.byId =
        new LinkedHashMap<>(1024, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, GenerationRecord> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * One copy of a header value that repeats from call to call (a client sends the same referer and
   * user agent every time), for records to share instead of holding one copy each. At most {@link
   * #SHARED_VALUES} distinct values are kept; others are returned as given.
   */
  public synchronized String shared(String value) {
    if (value == null) {
      return null;
    }
    String known = sharedValues.get(value);
    if (known != null) {
      return known;
    }
    if (sharedValues.size() < SHARED_VALUES) {
      sharedValues.put(value, value);
    }
    return value;
  }

  public synchronized void put(GenerationRecord record) {
    byId.put(record.id(), record);
  }

  public synchronized GenerationRecord get(String id) {
    return byId.get(id);
  }
}
