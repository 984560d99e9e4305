package dev.pitwall.sim.internal;

import java.util.SplittableRandom;

/**
 * The shape of a generation id, {@code gen-<created epoch second>-<20 letters and digits>}, and its
 * packing into three longs, so the {@link GenerationStore} can keep 100,000 of them without a
 * String each.
 */
final class GenerationId {
  static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  static final int RANDOM_CHARS = 20;
  private static final int HALF = RANDOM_CHARS / 2;
  private static final int BITS = 6; // 62 symbols; 10 of them fill 60 bits of a long

  /** An id packed: its creation second and its random part, ten symbols in each half. */
  record Packed(long created, long high, long low) {}

  private GenerationId() {}

  static String next(long createdEpochSecond, SplittableRandom random) {
    char[] out = new char[RANDOM_CHARS];
    for (int i = 0; i < RANDOM_CHARS; i++) {
      out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return "gen-" + createdEpochSecond + "-" + new String(out);
  }

  /** Null when {@code id} is not of this shape (so it was never served). */
  static Packed pack(String id) {
    if (id == null || !id.startsWith("gen-")) {
      return null;
    }
    int dash = id.indexOf('-', 4);
    if (dash < 5 || id.length() != dash + 1 + RANDOM_CHARS) {
      return null;
    }
    long created;
    try {
      created = Long.parseLong(id, 4, dash, 10);
    } catch (NumberFormatException e) {
      return null;
    }
    String canonical = Long.toString(created);
    if (canonical.length() != dash - 4 || !id.startsWith(canonical, 4)) {
      return null; // "+17…" or "017…": not an id this server wrote, though it parses alike
    }
    long high = half(id, dash + 1);
    long low = half(id, dash + 1 + HALF);
    return high < 0 || low < 0 ? null : new Packed(created, high, low);
  }

  private static long half(String id, int from) {
    long v = 0;
    for (int i = from; i < from + HALF; i++) {
      int symbol = ALPHABET.indexOf(id.charAt(i));
      if (symbol < 0) {
        return -1;
      }
      v = (v << BITS) | symbol;
    }
    return v;
  }
}
