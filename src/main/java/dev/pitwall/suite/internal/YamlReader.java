package dev.pitwall.suite.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.pitwall.suite.internal.Node.Entry;
import dev.pitwall.suite.internal.Node.Pos;
import dev.pitwall.suite.internal.Node.ScalarType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses YAML text into a {@link Node} tree, keeping each node's line and column from Jackson's
 * token stream. A syntax error becomes one located problem; duplicate keys are problems too (YAML
 * forbids them, and Jackson would silently keep the last). Anchors, aliases and merge keys ({@code
 * <<: *defaults}) are resolved here, as Jackson's streaming parser only reports them.
 */
public final class YamlReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+):");

  private final String file;
  private final String[] lines;
  private final Problems problems;
  private final Map<String, Node> anchors = new HashMap<>();

  private YamlReader(String file, String text, Problems problems) {
    this.file = file;
    this.lines = text.split("\r?\n", -1);
    this.problems = problems;
  }

  /**
   * Reads {@code text} (named {@code file} in messages). Returns null, with a problem added, when
   * the text is not well-formed YAML or is empty.
   */
  public static Node read(String file, String text, Problems problems) {
    return new YamlReader(file, text, problems).document();
  }

  private Node document() {
    try (JsonParser p = FACTORY.createParser(text())) {
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.add(pos(1, 1), "the file is empty", "start with 'suite: <name>'");
        return null;
      }
      return value(p);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      int col = at == null ? 0 : at.getColumnNr();
      // SnakeYAML's text ends with the problem's own mark, which is more precise than Jackson's
      // location (a tab in the indentation is reported on the line before by the latter).
      Matcher mark = MARK.matcher(e.getOriginalMessage());
      while (mark.find()) {
        line = Integer.parseInt(mark.group(1));
        col = Integer.parseInt(mark.group(2));
      }
      problems.add(
          pos(line, col),
          "not valid YAML: " + summary(e.getOriginalMessage()),
          "check the indentation and the quoting near this spot; a value with ': ' or a leading"
              + " '{', '[', '*' or '&' needs quotes");
      return null;
    } catch (IOException e) {
      problems.add(pos(0, 0), "cannot read: " + e.getMessage(), "");
      return null;
    }
  }

  /** SnakeYAML's context and problem lines, without its excerpts and marks. */
  private static String summary(String message) {
    return message
        .lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .map(String::strip)
        .collect(Collectors.joining(": "));
  }

  private String text() {
    return String.join("\n", lines);
  }

  private Node value(JsonParser p) throws IOException {
    YAMLParser yaml = (YAMLParser) p;
    if (yaml.isCurrentAlias()) {
      Node target = anchors.get(p.getText());
      if (target == null) {
        problems.add(
            here(p), "unknown alias *" + p.getText(), "define it first with &" + p.getText());
        return new Node.Scalar(here(p), ScalarType.NULL, "null");
      }
      return target;
    }
    String anchor = yaml.getObjectId();
    Node node = unaliased(p);
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private Node unaliased(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    Pos at = here(p);
    switch (t) {
      case START_OBJECT:
        return mapping(p, at);
      case START_ARRAY:
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p));
        }
        return new Node.Sequence(at, items);
      case VALUE_NUMBER_INT:
        return new Node.Scalar(at, ScalarType.INTEGER, p.getText());
      case VALUE_NUMBER_FLOAT:
        return new Node.Scalar(at, ScalarType.FLOAT, p.getText());
      case VALUE_TRUE:
        // YAML 1.1 also reads yes/on as true: keep the resolved value, not the spelling
        return new Node.Scalar(at, ScalarType.BOOLEAN, "true");
      case VALUE_FALSE:
        return new Node.Scalar(at, ScalarType.BOOLEAN, "false");
      case VALUE_NULL:
        return new Node.Scalar(at, ScalarType.NULL, "null");
      default:
        return new Node.Scalar(at, ScalarType.STRING, p.getText());
    }
  }

  private Node mapping(JsonParser p, Pos at) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    Set<String> mergedKeys = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      Pos keyPos = here(p);
      p.nextToken();
      Node v = value(p);
      Entry previous = entries.get(key);
      if (key.equals("<<") && v instanceof Node.Mapping merged) {
        // a merge key: the aliased mapping's entries, unless set explicitly (before or after)
        merged.entries().values().stream()
            .filter(e -> !entries.containsKey(e.key()))
            .forEach(
                e -> {
                  entries.put(e.key(), e);
                  mergedKeys.add(e.key());
                });
      } else if (previous != null && mergedKeys.remove(key)) {
        entries.put(key, new Entry(key, keyPos, v));
      } else if (previous != null) {
        problems.add(
            keyPos,
            "duplicate key '" + key + "'",
            "it is already set on line " + previous.keyPos().line() + "; keep one of the two");
      } else {
        entries.put(key, new Entry(key, keyPos, v));
      }
    }
    return new Node.Mapping(at, entries);
  }

  private Pos here(JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    return pos(l.getLineNr(), l.getColumnNr());
  }

  private Pos pos(int line, int column) {
    String text = line >= 1 && line <= lines.length ? lines[line - 1] : null;
    return new Pos(file, line, column, text);
  }
}
