package dev.pitwall.suite.internal;

import dev.pitwall.suite.internal.Node.Mapping;
import dev.pitwall.suite.internal.Node.Scalar;
import dev.pitwall.suite.internal.Node.Sequence;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a {@link Node} into plain Java values (maps, lists, strings, numbers, booleans) for body
 * fields passed through untouched. Nulls are refused: the immutable collections of the suite model
 * cannot hold them, and a JSON null is never what a benchmark means to send.
 */
final class Plain {
  private Plain() {}

  /** A number as written in decimal; other spellings (0x1F, .inf) pass through as text. */
  private static Object number(Scalar s) {
    try {
      BigDecimal d = new BigDecimal(s.text().replace("_", ""));
      return d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
          ? (Object) d.longValueExact()
          : (Object) d.doubleValue();
    } catch (NumberFormatException | ArithmeticException e) {
      return s.text();
    }
  }

  static Object of(Node node, Problems problems) {
    if (node instanceof Mapping m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Node.Entry e : m.entries().values()) {
        Object v = of(e.value(), problems);
        if (v != null) {
          out.put(e.key(), v);
        }
      }
      return Collections.unmodifiableMap(out);
    }
    if (node instanceof Sequence s) {
      List<Object> out = new ArrayList<>();
      for (Node item : s.items()) {
        Object v = of(item, problems);
        if (v != null) {
          out.add(v);
        }
      }
      return List.copyOf(out);
    }
    Scalar s = (Scalar) node;
    return switch (s.type()) {
      case INTEGER, FLOAT -> number(s);
      case BOOLEAN -> Boolean.parseBoolean(s.text().toLowerCase());
      case STRING -> s.text();
      case NULL -> {
        problems.add(node, "null cannot be passed through", "remove the key, or give it a value");
        yield null;
      }
    };
  }
}
