package dev.pitwall.suite.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node came from, so that every problem the
 * binder finds can name the line and column. Jackson's own {@code JsonNode} drops locations, hence
 * this small tree built from the parser's token stream.
 */
public sealed interface Node {
  Pos pos();

  /** What a user would call this node's type, for "expected a number, found a list" messages. */
  String kind();

  /** A mapping; entries keep the file's order and each key's own position. */
  record Mapping(Pos pos, Map<String, Entry> entries) implements Node {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Node get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One key of a mapping, its position, and its value. */
  record Entry(String key, Pos keyPos, Node value) {}

  /** A list. */
  record Sequence(Pos pos, List<Node> items) implements Node {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A scalar with its literal text and the type YAML resolved it to. */
  record Scalar(Pos pos, ScalarType type, String text) implements Node {
    @Override
    public String kind() {
      return switch (type) {
        case STRING -> "the text '" + text + "'";
        case INTEGER, FLOAT -> "the number " + text;
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "nothing (null)";
      };
    }
  }

  /** YAML's resolved scalar types. */
  enum ScalarType {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }

  /**
   * Where a node starts: a file (or an override such as {@code -Dconcurrency}), 1-based line and
   * column (0 when the origin has no lines), and the text of that line for quoting.
   */
  record Pos(String file, int line, int column, String lineText) {
    public static Pos of(String origin) {
      return new Pos(origin, 0, 0, null);
    }
  }
}
