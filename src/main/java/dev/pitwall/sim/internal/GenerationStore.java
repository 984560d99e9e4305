package dev.pitwall.sim.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generation records for {@code GET /generation}: the last {@code capacity} calls, in a ring of
 * columns of primitives and shared references, indexed by id in an open-addressing table.
 *
 * <p>Why columns: the store keeps 100,000 calls, and a record of its own (with its id string, its
 * cost and a map entry) was half a dozen objects a call that all outlived the young collection they
 * were born before. Copying them was most of that collection's pause when the simulator shares the
 * runner's JVM, about 6.5 ms at 1,000 calls/s against 1.5 ms for a server that keeps nothing. Here
 * a call adds no object the store keeps: its id is packed into three longs ({@link GenerationId}),
 * its cost into a long and a scale, and its strings are the profile's or {@link #shared} ones. The
 * arrays are allocated once, at start.
 *
 * <p>A call is written at {@link #put} and finished by {@link #complete} or {@link #cancel} with
 * the handle {@code put} returned; a handle whose slot has since been reused finishes nothing.
 *
 * <p>Thread-safety: thread-safe (synchronized; every operation is O(1)).
 */
public final class GenerationStore {
  /** The handle of a call that was not served: it has no record, and ending it does nothing. */
  static final long NONE = -1;

  static final int SHARED_VALUES = 256;
  private static final int STREAM = 1;
  private static final int FINISHED = 2;
  private static final int CANCELLED = 4;

  private final int capacity;
  private final long[] handle; // the handle of the call in each slot; -1 when empty
  private final long[] created;
  private final long[] idHigh;
  private final long[] idLow;
  private final String[] replyModel;
  private final String[] providerName;
  private final String[] finishReason;
  private final String[] referer;
  private final String[] userAgent;
  private final int[] promptTokens;
  private final int[] completionTokens;
  private final long[] costUnscaled;
  private final int[] costScale;
  private final BigDecimal[] costTooLong; // only a cost whose digits overflow a long
  private final long[] firstTokenMs;
  private final long[] latencyMs;
  private final byte[] flags;
  private final List<?>[] attempts; // only the calls that fell back

  // Open addressing with linear probing: slot + 1, or 0 for a free place. Twice the capacity, a
  // power of two, so probes stay short.
  private final int[] index;
  private final int mask;
  private long nextHandle;
  private final Map<String, String> sharedValues = new HashMap<>();

  public GenerationStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    }
    this.capacity = capacity;
    handle = new long[capacity];
    Arrays.fill(handle, -1);
    created = new long[capacity];
    idHigh = new long[capacity];
    idLow = new long[capacity];
    replyModel = new String[capacity];
    providerName = new String[capacity];
    finishReason = new String[capacity];
    referer = new String[capacity];
    userAgent = new String[capacity];
    promptTokens = new int[capacity];
    completionTokens = new int[capacity];
    costUnscaled = new long[capacity];
    costScale = new int[capacity];
    costTooLong = new BigDecimal[capacity];
    firstTokenMs = new long[capacity];
    latencyMs = new long[capacity];
    flags = new byte[capacity];
    attempts = new List<?>[capacity];
    int size = Integer.highestOneBit(Math.max(2, capacity * 2 - 1)) << 1;
    index = new int[size];
    mask = size - 1;
  }

  /**
   * One copy of a value that repeats from call to call (a client sends the same referer and user
   * agent every time), for records to share instead of holding one copy each. At most {@link
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

  /**
   * Records a planned call, dropping the oldest beyond the capacity.
   *
   * @return the handle that finishes it
   */
  public synchronized long put(CallPlan plan, String referer, String userAgent) {
    GenerationId.Packed id = GenerationId.pack(plan.id());
    if (id == null) {
      throw new IllegalArgumentException("not a generation id: " + plan.id());
    }
    long h = nextHandle++;
    int slot = (int) (h % capacity);
    if (handle[slot] >= 0) {
      unindex(slot);
    }
    handle[slot] = h;
    created[slot] = id.created();
    idHigh[slot] = id.high();
    idLow[slot] = id.low();
    replyModel[slot] = shared(plan.replyModel());
    providerName[slot] = plan.endpoint().providerName();
    finishReason[slot] = shared(plan.finishReason());
    this.referer[slot] = referer;
    this.userAgent[slot] = userAgent;
    promptTokens[slot] = plan.promptTokens();
    completionTokens[slot] = plan.completionTokens();
    BigDecimal cost = plan.cost();
    if (cost.unscaledValue().bitLength() < Long.SIZE) {
      costUnscaled[slot] = cost.unscaledValue().longValue();
      costScale[slot] = cost.scale();
      costTooLong[slot] = null;
    } else {
      costTooLong[slot] = cost;
    }
    Step first = plan.first(Step.Kind.TOKENS);
    firstTokenMs[slot] = first == null ? 0 : first.atNanos() / 1_000_000;
    latencyMs[slot] = 0;
    flags[slot] = (byte) (plan.stream() ? STREAM : 0);
    attempts[slot] = plan.attempts().isEmpty() ? null : plan.attempts();
    insert(slot);
    return h;
  }

  /** The call ended normally after {@code latencyNanos}. */
  public synchronized void complete(long handle, long latencyNanos) {
    finish(handle, latencyNanos, FINISHED);
  }

  /** The client left after {@code latencyNanos}. */
  public synchronized void cancel(long handle, long latencyNanos) {
    finish(handle, latencyNanos, FINISHED | CANCELLED);
  }

  /** What {@code /generation} reports about {@code id} now; null when unknown or dropped. */
  @SuppressWarnings("unchecked")
  public synchronized GenerationRecord get(String id) {
    GenerationId.Packed key = GenerationId.pack(id);
    if (key == null) {
      return null;
    }
    int at = find(key.created(), key.high(), key.low());
    if (at < 0) {
      return null;
    }
    int slot = index[at] - 1;
    BigDecimal cost =
        costTooLong[slot] != null
            ? costTooLong[slot]
            : BigDecimal.valueOf(costUnscaled[slot], costScale[slot]);
    return new GenerationRecord(
        id,
        replyModel[slot],
        providerName[slot],
        promptTokens[slot],
        completionTokens[slot],
        cost,
        finishReason[slot],
        (flags[slot] & STREAM) != 0,
        firstTokenMs[slot],
        attempts[slot] == null ? List.of() : (List<Attempt>) attempts[slot],
        created[slot],
        referer[slot],
        userAgent[slot],
        (flags[slot] & CANCELLED) != 0,
        latencyMs[slot]);
  }

  private void finish(long h, long latencyNanos, int how) {
    if (h < 0) {
      return; // NONE: never recorded
    }
    int slot = (int) (h % capacity);
    if (handle[slot] != h || (flags[slot] & FINISHED) != 0) {
      return; // dropped since, or already finished
    }
    latencyMs[slot] = latencyNanos / 1_000_000;
    flags[slot] |= (byte) how;
  }

  private int home(long created, long high, long low) {
    long h = (high * 0x9E3779B97F4A7C15L) ^ (low * 0xC2B2AE3D27D4EB4FL) ^ created;
    return (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
  }

  private int homeOf(int slot) {
    return home(created[slot], idHigh[slot], idLow[slot]);
  }

  /** The table position holding this id, or -1. */
  private int find(long c, long high, long low) {
    for (int at = home(c, high, low); index[at] != 0; at = (at + 1) & mask) {
      int slot = index[at] - 1;
      if (idHigh[slot] == high && idLow[slot] == low && created[slot] == c) {
        return at;
      }
    }
    return -1;
  }

  private void insert(int slot) {
    int at = homeOf(slot);
    while (index[at] != 0) {
      at = (at + 1) & mask;
    }
    index[at] = slot + 1;
  }

  /** Removes the slot's id from the table, shifting later entries of its probe run back. */
  private void unindex(int slot) {
    int free = -1;
    for (int at = homeOf(slot); index[at] != 0; at = (at + 1) & mask) {
      if (index[at] == slot + 1) {
        free = at;
        break;
      }
    }
    if (free < 0) {
      return;
    }
    index[free] = 0;
    for (int at = (free + 1) & mask; index[at] != 0; at = (at + 1) & mask) {
      int home = homeOf(index[at] - 1);
      // The entry may move back to the free place unless its home lies cyclically in (free, at].
      boolean staysPut = free <= at ? free < home && home <= at : free < home || home <= at;
      if (!staysPut) {
        index[free] = index[at];
        index[at] = 0;
        free = at;
      }
    }
  }
}
