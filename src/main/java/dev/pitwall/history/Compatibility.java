package dev.pitwall.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides whether two runs measured the same thing. Every effective setting counts except those
 * that only say where the suite lived or how the work was split: the suite file's path, rate limits
 * and budget (divided across shards, they do not change what a call measures) and the shard itself.
 */
public final class Compatibility {
  private Compatibility() {}

  static boolean ignored(String key) {
    return key.equals("source")
        || key.equals("shard")
        || key.equals("merged_shards")
        || key.startsWith("limits.")
        || key.startsWith("slos.");
  }

  /** The settings that must agree, in key order. */
  static Map<String, String> relevant(Map<String, String> settings) {
    Map<String, String> kept = new TreeMap<>();
    settings.forEach(
        (k, v) -> {
          if (!ignored(k)) {
            kept.put(k, v);
          }
        });
    return kept;
  }

  /** A short hash of the relevant settings, stored in history.csv. */
  public static String fingerprint(Map<String, String> settings) {
    StringBuilder canonical = new StringBuilder();
    relevant(settings).forEach((k, v) -> canonical.append(k).append('=').append(v).append('\n'));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Each relevant setting that differs, as "key: a → b"; empty when the runs are comparable. */
  public static List<String> differences(Map<String, String> a, Map<String, String> b) {
    Map<String, String> ra = relevant(a);
    Map<String, String> rb = relevant(b);
    TreeSet<String> keys = new TreeSet<>(ra.keySet());
    keys.addAll(rb.keySet());
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      String va = ra.get(k);
      String vb = rb.get(k);
      if (va == null ? vb != null : !va.equals(vb)) {
        out.add(k + ": " + (va == null ? "(unset)" : va) + " → " + (vb == null ? "(unset)" : vb));
      }
    }
    return out;
  }
}
