package dev.pitwall.sim.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pitwall.sim.ProfileException;
import dev.pitwall.sim.SimProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads profiles from YAML (or JSON, a subset) into the records, with file:line:col errors. */
public final class ProfileReader {
  private static final String BUNDLED = "/dev/pitwall/sim/default-profile.yaml";

  private static final ObjectMapper YAML =
      JsonMapper.builder(new YAMLFactory())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private static volatile SimProfile bundled;

  private ProfileReader() {}

  public static SimProfile bundled() {
    SimProfile p = bundled;
    if (p == null) {
      try (InputStream in = ProfileReader.class.getResourceAsStream(BUNDLED)) {
        if (in == null) {
          throw new IllegalStateException("resource " + BUNDLED + " is missing from the jar");
        }
        p = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-profile.yaml");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundled = p;
    }
    return p;
  }

  public static SimProfile read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ProfileException(
          file.toString(), 0, 0, file + ": no such profile file; check the --profile path");
    } catch (IOException e) {
      throw new ProfileException(file.toString(), 0, 0, file + ": cannot read: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  public static SimProfile parse(String text, String source) {
    try {
      SimProfile profile = YAML.readValue(text, SimProfile.class);
      if (profile == null) {
        throw new ProfileException(source, 1, 1, source + ":1:1: the profile is empty");
      }
      return profile;
    } catch (JsonProcessingException e) {
      throw toProfileException(e, text, source);
    }
  }

  private static ProfileException toProfileException(
      JsonProcessingException e, String text, String source) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
    int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      // Record creators see a whole object before they fail, so Jackson's location is the
      // object's end; the path leads back to the key or value at fault.
      int[] found = locate(text, m.getPath());
      if (found != null) {
        line = found[0];
        col = found[1];
      }
    }
    StringBuilder msg = new StringBuilder();
    msg.append(source).append(':').append(line).append(':').append(col).append(": ");
    if (e instanceof UnrecognizedPropertyException u) {
      msg.append("unknown key \"")
          .append(u.getPropertyName())
          .append("\"; known keys here: ")
          .append(u.getKnownPropertyIds());
    } else {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String problem =
          root instanceof IllegalArgumentException || root instanceof NullPointerException
              ? root.getMessage()
              : e.getOriginalMessage();
      msg.append(firstLine(problem));
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      msg.append(" (at ").append(path(m)).append(')');
    }
    String quoted = lineOf(text, line);
    if (quoted != null) {
      msg.append('\n').append(String.format("%5d | %s", line, quoted));
      if (col > 0) {
        msg.append('\n').append(" ".repeat(5 + 3 + col - 1)).append('^');
      }
    }
    return new ProfileException(source, line, col, msg.toString());
  }

  /** Line and column (1-based) of the node at {@code path}, or null when it cannot be found. */
  static int[] locate(String text, List<JsonMappingException.Reference> path) {
    Node node;
    try {
      node = new Yaml().compose(new StringReader(text));
    } catch (RuntimeException e) {
      return null;
    }
    Node at = node;
    for (JsonMappingException.Reference r : path) {
      if (at instanceof MappingNode map && r.getFieldName() != null) {
        Node next = null;
        for (NodeTuple t : map.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode key && key.getValue().equals(r.getFieldName())) {
            next = t.getValueNode();
            at = key;
            break;
          }
        }
        if (next == null) {
          break;
        }
        // An unknown or failing key is reported at the key itself; anything deeper at its value.
        at = r == path.get(path.size() - 1) ? at : next;
      } else if (at instanceof SequenceNode seq
          && r.getIndex() >= 0
          && r.getIndex() < seq.getValue().size()) {
        at = seq.getValue().get(r.getIndex());
      } else {
        break;
      }
    }
    if (at == null || at.getStartMark() == null) {
      return null;
    }
    return new int[] {at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1};
  }

  private static String path(JsonMappingException m) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid profile";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String lineOf(String text, int line) {
    if (line < 1) {
      return null;
    }
    String[] lines = text.split("\r?\n", -1);
    return line <= lines.length ? lines[line - 1] : null;
  }
}
