package dev.pitwall.suite.internal;

import dev.pitwall.suite.OverrideKeys;
import dev.pitwall.suite.internal.Node.Entry;
import dev.pitwall.suite.internal.Node.Mapping;
import dev.pitwall.suite.internal.Node.Pos;
import dev.pitwall.suite.internal.Node.Scalar;
import dev.pitwall.suite.internal.Node.ScalarType;
import dev.pitwall.suite.internal.Node.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code -D} / CLI layer, applied to the parsed tree before binding so that an override is
 * validated exactly like the same value in the file, and a bad one is reported as {@code
 * -Dconcurrency=abc}. Request parameters are kept apart because they must win over per-model
 * settings too (suite defaults &lt; per-model &lt; overrides). Keys this layer does not know (e.g.
 * {@code target}) are left for others.
 */
public final class Overrides {
  /** Override key → section of the suite it lands in ("" for the top level). */
  static final Map<String, String> SECTION = OverrideKeys.SUITE;

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

  private final Mapping root;
  private final Mapping request;

  private Overrides(Mapping root, Mapping request) {
    this.root = root;
    this.request = request;
  }

  /** The suite's root with the overrides merged in. */
  public Mapping root() {
    return root;
  }

  /** Request parameter overrides, applied after per-model ones; null when none. */
  public Mapping request() {
    return request;
  }

  public static Overrides apply(Mapping root, Map<String, String> overrides) {
    Mapping result = root;
    Map<String, Entry> request = new LinkedHashMap<>();
    for (Map.Entry<String, String> o : new TreeMap<>(overrides).entrySet()) {
      String key = o.getKey();
      Pos pos = Pos.of("-D" + key + "=" + o.getValue());
      if (key.equals("models")) {
        result = with(result, "models", models(root.get("models"), o.getValue(), pos));
        continue;
      }
      String section = SECTION.get(key);
      if (section == null) {
        continue;
      }
      Scalar value = scalar(o.getValue(), pos);
      if (key.equals("retries")) {
        result = with(result, "retries", retries(result.get("retries"), value));
      } else if (section.isEmpty()) {
        result = with(result, key, value);
      } else if (section.equals("request")) {
        request.put(key, new Entry(key, pos, value));
      } else {
        Node current = result.get(section);
        Mapping inner = current instanceof Mapping m ? m : new Mapping(pos, Map.of());
        result = with(result, section, with(inner, key, value));
      }
    }
    return new Overrides(
        result, request.isEmpty() ? null : new Mapping(Pos.of("-D overrides"), request));
  }

  /**
   * {@code -Dretries=N}: the number of retries, keeping the rest of a {@code retries:} mapping (its
   * {@code max}), or the {@code retries: N} shorthand when the suite has no mapping.
   */
  private static Node retries(Node declared, Scalar max) {
    return declared instanceof Mapping m ? with(m, "max", max) : max;
  }

  /**
   * {@code -Dmodels=a,b}: the suite's own entry for a listed id (with its providers and settings)
   * when it has one, else a plain id.
   */
  private static Node models(Node declared, String list, Pos pos) {
    List<Node> items = new ArrayList<>();
    for (String raw : list.split(",")) {
      String id = raw.strip();
      if (id.isEmpty()) {
        continue;
      }
      items.add(declaredEntry(declared, id).orElse(new Scalar(pos, ScalarType.STRING, id)));
    }
    return new Sequence(pos, items);
  }

  private static Optional<Node> declaredEntry(Node declared, String id) {
    if (declared instanceof Sequence seq) {
      for (Node item : seq.items()) {
        if (item instanceof Scalar s && s.text().equals(id)) {
          return Optional.of(item);
        }
        if (item instanceof Mapping m
            && (text(m.get("id")).equals(id) || text(m.get("label")).equals(id))) {
          return Optional.of(item);
        }
      }
    }
    return Optional.empty();
  }

  private static String text(Node n) {
    return n instanceof Scalar s ? s.text() : "";
  }

  /** Types a command-line string as YAML would type the same plain scalar. */
  static Scalar scalar(String text, Pos pos) {
    String t = text.strip();
    ScalarType type;
    if (t.isEmpty() || t.equals("null") || t.equals("~")) {
      type = ScalarType.NULL;
    } else if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
      type = ScalarType.BOOLEAN;
    } else if (INTEGER.matcher(t).matches()) {
      type = ScalarType.INTEGER;
    } else if (FLOAT.matcher(t).matches()) {
      type = ScalarType.FLOAT;
    } else {
      type = ScalarType.STRING;
    }
    return new Scalar(pos, type, t);
  }

  private static Mapping with(Mapping m, String key, Node value) {
    Map<String, Entry> entries = new LinkedHashMap<>(m.entries());
    Entry old = entries.get(key);
    entries.put(key, new Entry(key, old == null ? value.pos() : old.keyPos(), value));
    return new Mapping(m.pos(), entries);
  }
}
