package dev.pitwall.suite.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pitwall.suite.internal.Node.Entry;
import dev.pitwall.suite.internal.Node.Pos;
import dev.pitwall.suite.internal.Node.ScalarType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses YAML text into a {@link Node} tree, keeping each node's line and column from Jackson's
 * token stream. A syntax error becomes one located problem; duplicate keys are problems too (YAML
 * forbids them, and Jackson would silently keep the last).
 */
public final class YamlReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final String file;
  private final String[] lines;
  private final Problems problems;

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
      problems.add(
          pos(line, col),
          "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("").strip(),
          "check the indentation and the quoting near this spot; a value with ': ' or a leading"
              + " '{', '[', '*' or '&' needs quotes");
      return null;
    } catch (IOException e) {
      problems.add(pos(0, 0), "cannot read: " + e.getMessage(), "");
      return null;
    }
  }

  private String text() {
    return String.join("\n", lines);
  }

  private Node value(JsonParser p) throws IOException {
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
      case VALUE_FALSE:
        return new Node.Scalar(at, ScalarType.BOOLEAN, p.getText());
      case VALUE_NULL:
        return new Node.Scalar(at, ScalarType.NULL, "null");
      default:
        return new Node.Scalar(at, ScalarType.STRING, p.getText());
    }
  }

  private Node mapping(JsonParser p, Pos at) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      Pos keyPos = here(p);
      p.nextToken();
      Node v = value(p);
      Entry previous = entries.get(key);
      if (previous != null) {
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
