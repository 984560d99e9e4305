package dev.pitwall.suite.internal;

import dev.pitwall.suite.internal.Node.Mapping;
import dev.pitwall.suite.internal.Node.Scalar;
import dev.pitwall.suite.internal.Node.ScalarType;
import dev.pitwall.suite.internal.Node.Sequence;
import dev.pitwall.text.Suggest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads from a {@link Node} tree. Each read either returns a value or records a located
 * problem and returns null, so binding carries on and every problem of a file is reported at once.
 */
public final class Fields {
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?", Pattern.CASE_INSENSITIVE);

  private final Problems problems;

  public Fields(Problems problems) {
    this.problems = problems;
  }

  public Problems problems() {
    return problems;
  }

  /** The node as a mapping, or null with a problem naming {@code what} it should have been. */
  public Mapping mapping(Node node, String what) {
    if (node instanceof Mapping m) {
      return m;
    }
    if (node != null) {
      problems.add(
          node,
          what + " must be a mapping of keys to values, not " + node.kind(),
          "write it as 'key: value' lines indented under it, or as {key: value, ...}");
    }
    return null;
  }

  /** Records a problem for every key of {@code m} that is not in {@code allowed}. */
  public void onlyKeys(Mapping m, String where, Collection<String> allowed) {
    for (Node.Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        problems.add(
            e.keyPos(),
            "unknown key '" + e.key() + "' in " + where,
            Suggest.didYouMean(e.key(), allowed));
      }
    }
  }

  /** Records a problem when {@code key} is missing; returns its node otherwise. */
  public Node required(Mapping m, String key, String where, String example) {
    Node n = m.get(key);
    if (n == null || isNull(n)) {
      problems.add(m, where + " needs '" + key + "'", "add for example '" + example + "'");
      return null;
    }
    return n;
  }

  public static boolean isNull(Node n) {
    return n instanceof Scalar s && s.type() == ScalarType.NULL;
  }

  public String string(Mapping m, String key) {
    return string(m == null ? null : m.get(key), key);
  }

  /** Any non-null scalar as text (a description of {@code 42} is fine). */
  public String string(Node n, String key) {
    if (n == null || isNull(n)) {
      return null;
    }
    if (n instanceof Scalar s) {
      return s.text();
    }
    problems.add(
        n, key + " must be text, not " + n.kind(), "write a single value, quoted if needed");
    return null;
  }

  /** A word from a fixed set, case-insensitive; returns it lower-cased. */
  public String choice(Mapping m, String key, List<String> allowed) {
    String v = string(m, key);
    if (v == null) {
      return null;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (!allowed.contains(lower)) {
      problems.add(
          m.get(key),
          key + " must be one of " + String.join(", ", allowed) + ", not '" + v + "'",
          Suggest.didYouMean(lower, allowed));
      return null;
    }
    return lower;
  }

  public Boolean bool(Mapping m, String key) {
    Node n = m == null ? null : m.get(key);
    if (n == null || isNull(n)) {
      return null;
    }
    if (n instanceof Scalar s && s.type() == ScalarType.BOOLEAN) {
      return Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT));
    }
    problems.add(n, key + " must be true or false, not " + n.kind(), "write true or false");
    return null;
  }

  /** An integer at least {@code min}, or null (absent or a problem recorded). */
  public Integer integer(Mapping m, String key, long min) {
    Node n = m == null ? null : m.get(key);
    return integer(n, key, min);
  }

  public Integer integer(Node n, String key, long min) {
    Long v = longValue(n, key, min);
    if (v != null && v > Integer.MAX_VALUE) {
      problems.add(n, key + " is too large: " + v, "use at most " + Integer.MAX_VALUE);
      return null;
    }
    return v == null ? null : v.intValue();
  }

  public Long longValue(Node n, String key, long min) {
    if (n == null || isNull(n)) {
      return null;
    }
    if (!(n instanceof Scalar s) || s.type() != ScalarType.INTEGER) {
      problems.add(
          n,
          key + " must be a whole number, not " + n.kind(),
          "write e.g. '" + key + ": " + Math.max(min, 1) + "'");
      return null;
    }
    long v;
    try {
      v = Long.parseLong(s.text().replace("_", "").replace("+", ""));
    } catch (NumberFormatException e) {
      problems.add(
          n, key + " is not a usable whole number: " + s.text(), "write it in decimal digits");
      return null;
    }
    if (v < min) {
      problems.add(n, key + " must be at least " + min + ", not " + v, tooSmallHint(key, min));
      return null;
    }
    return v;
  }

  /** A number within [min, max], or null (absent or a problem recorded). */
  public Double number(Mapping m, String key, double min, double max) {
    Node n = m == null ? null : m.get(key);
    BigDecimal d = decimal(n, key);
    if (d == null) {
      return null;
    }
    double v = d.doubleValue();
    if (v < min || v > max) {
      String range =
          max == Double.MAX_VALUE
              ? " must be at least " + plain(min)
              : " must be between " + plain(min) + " and " + plain(max);
      problems.add(n, key + range + ", not " + s(n), "pick a value in that range");
      return null;
    }
    return v;
  }

  /** A positive decimal (money), exact. */
  public BigDecimal positiveDecimal(Mapping m, String key) {
    Node n = m == null ? null : m.get(key);
    BigDecimal d = decimal(n, key);
    if (d != null && d.signum() <= 0) {
      problems.add(
          n, key + " must be greater than 0, not " + s(n), "set a positive amount such as 0.50");
      return null;
    }
    return d;
  }

  private BigDecimal decimal(Node n, String key) {
    if (n == null || isNull(n)) {
      return null;
    }
    if (n instanceof Scalar s && (s.type() == ScalarType.INTEGER || s.type() == ScalarType.FLOAT)) {
      try {
        return new BigDecimal(s.text().replace("_", ""));
      } catch (NumberFormatException e) {
        // .inf, .nan and the like: fall through to the problem below
      }
    }
    problems.add(n, key + " must be a number, not " + n.kind(), "write e.g. '" + key + ": 0.5'");
    return null;
  }

  /** A list of texts; a single text counts as a one-item list. */
  public List<String> strings(Mapping m, String key) {
    Node n = m == null ? null : m.get(key);
    if (n == null || isNull(n)) {
      return null;
    }
    if (n instanceof Scalar s) {
      return List.of(s.text());
    }
    if (n instanceof Sequence seq) {
      List<String> out = new ArrayList<>();
      for (Node item : seq.items()) {
        if (item instanceof Scalar s && s.type() != ScalarType.NULL) {
          out.add(s.text());
        } else {
          problems.add(
              item,
              "each item of " + key + " must be a single value, not " + item.kind(),
              "write '- name' items");
        }
      }
      return out;
    }
    problems.add(n, key + " must be a list, not " + n.kind(), "write [a, b] or '- a' lines");
    return null;
  }

  /**
   * A duration: {@code 500ms}, {@code 30s}, {@code 2m}/{@code 2min}, {@code 1h}, or a bare number
   * of seconds. Must be greater than zero.
   */
  public Duration duration(Mapping m, String key) {
    Node n = m == null ? null : m.get(key);
    if (n == null || isNull(n)) {
      return null;
    }
    Matcher match = null;
    if (n instanceof Scalar s && s.type() != ScalarType.BOOLEAN) {
      match = DURATION.matcher(s.text().strip());
    }
    if (match == null || !match.matches()) {
      problems.add(
          n,
          key + " must be a duration, not " + n.kind(),
          "write a number with a unit: 500ms, 30s, 2m or 1h (a bare number means seconds)");
      return null;
    }
    double amount = Double.parseDouble(match.group(1));
    String unit = match.group(2) == null ? "s" : match.group(2).toLowerCase(Locale.ROOT);
    double millis =
        switch (unit) {
          case "ms" -> amount;
          case "m", "min" -> amount * 60_000;
          case "h" -> amount * 3_600_000;
          default -> amount * 1000;
        };
    if (millis <= 0) {
      problems.add(
          n,
          key + " must be longer than zero, not " + ((Scalar) n).text(),
          "write e.g. '" + key + ": 30s'");
      return null;
    }
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  private static String tooSmallHint(String key, long min) {
    return "set " + key + " to " + min + " or more";
  }

  private static String s(Node n) {
    return n instanceof Scalar s ? s.text() : n.kind();
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
