package dev.pitwall.suite.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.Prompt;
import dev.pitwall.suite.internal.Node.Mapping;
import dev.pitwall.suite.internal.Node.Pos;
import dev.pitwall.suite.internal.Node.Scalar;
import dev.pitwall.suite.internal.Node.Sequence;
import dev.pitwall.text.Suggest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds {@code prompt:} and {@code prompts:} into prompts. A {@code prompts:} item is an inline
 * prompt ({@code id} with {@code messages} or {@code prompt}), a JSONL file ({@code file}, one
 * prompt per line, relative to the suite file), or a template ({@code template} with {@code
 * {{var}}} placeholders and {@code vars}, expanded over every combination of values).
 */
final class PromptBinder {
  static final List<String> INLINE_KEYS = List.of("id", "prompt", "system", "messages");
  static final List<String> FILE_KEYS = List.of("file");
  static final List<String> TEMPLATE_KEYS = List.of("id", "template", "system", "vars");
  private static final List<String> MESSAGE_KEYS = List.of("role", "content");
  private static final List<String> ROLES = List.of("system", "developer", "user", "assistant");
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Fields f;
  private final Path suiteFile;
  private final Path baseDir;
  private final List<Prompt> prompts = new ArrayList<>();
  private final Map<String, Pos> idPositions = new LinkedHashMap<>();

  /** Prompt files resolve against the folder of {@code suiteFile}. */
  PromptBinder(Fields fields, Path suiteFile) {
    this.f = fields;
    this.suiteFile = suiteFile;
    this.baseDir = suiteFile.toAbsolutePath().getParent();
  }

  List<Prompt> bind(Mapping root) {
    Node single = root.get("prompt");
    Node many = root.get("prompts");
    if (single != null && many != null) {
      f.problems()
          .add(
              single,
              "a suite has either 'prompt' or 'prompts', not both",
              "move this text into the 'prompts' list as '- {id: ..., prompt: ...}'");
    } else if (single != null) {
      String text = f.string(single, "prompt");
      if (text != null) {
        add("prompt", single.pos(), List.of(new Message("user", text)));
      }
    } else if (many instanceof Sequence seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        item(seq.items().get(i), i + 1);
      }
    } else if (many != null && !Fields.isNull(many)) {
      f.problems()
          .add(
              many,
              "prompts must be a list, not " + many.kind(),
              "write '- id: ...' items under 'prompts:'");
    }
    return prompts;
  }

  private void item(Node node, int ordinal) {
    if (node instanceof Scalar s) {
      add("p" + ordinal, s.pos(), List.of(new Message("user", s.text())));
      return;
    }
    Mapping m = f.mapping(node, "a prompts item");
    if (m == null) {
      return;
    }
    if (m.get("file") != null) {
      f.onlyKeys(m, "a prompt file item", FILE_KEYS);
      file(m);
    } else if (m.get("template") != null) {
      f.onlyKeys(m, "a prompt template", TEMPLATE_KEYS);
      template(m);
    } else {
      f.onlyKeys(m, "a prompt", INLINE_KEYS);
      inline(m);
    }
  }

  private void inline(Mapping m) {
    String id = f.string(f.required(m, "id", "a prompt", "id: cap"), "id");
    List<Message> messages = new ArrayList<>();
    String system = f.string(m, "system");
    if (system != null) {
      messages.add(new Message("system", system));
    }
    Node text = m.get("prompt");
    Node list = m.get("messages");
    if (text != null && list != null) {
      f.problems()
          .add(
              text,
              "a prompt has either 'prompt' (plain text) or 'messages', not both",
              "keep one");
    } else if (text != null) {
      String t = f.string(text, "prompt");
      if (t != null) {
        messages.add(new Message("user", t));
      }
    } else if (list != null) {
      messages.addAll(messages(list));
    } else {
      f.problems()
          .add(
              m,
              "prompt '" + id + "' has no 'messages' and no 'prompt'",
              "add 'prompt: <text>' or a 'messages:' list of {role, content}");
      return;
    }
    if (id != null) {
      add(id, m.get("id").pos(), messages);
    }
  }

  private List<Message> messages(Node node) {
    List<Message> out = new ArrayList<>();
    if (!(node instanceof Sequence seq)) {
      f.problems()
          .add(
              node,
              "messages must be a list, not " + node.kind(),
              "write '- {role: user, content: ...}' items");
      return out;
    }
    if (seq.items().isEmpty()) {
      f.problems()
          .add(node, "messages is empty", "add at least one '- {role: user, content: ...}'");
    }
    for (Node item : seq.items()) {
      Mapping m = f.mapping(item, "a message");
      if (m == null) {
        continue;
      }
      f.onlyKeys(m, "a message", MESSAGE_KEYS);
      String role = f.choice(m, "role", ROLES);
      String content = f.string(f.required(m, "content", "a message", "content: Hello"), "content");
      if (m.get("role") == null) {
        f.problems()
            .add(m, "a message needs 'role'", "add 'role: user' (or system, developer, assistant)");
      }
      if (role != null && content != null) {
        out.add(new Message(role, content));
      }
    }
    return out;
  }

  private void template(Mapping m) {
    String id = f.string(f.required(m, "id", "a prompt template", "id: explain"), "id");
    String template = f.string(m, "template");
    String system = f.string(m, "system");
    Mapping vars =
        f.mapping(
            f.required(m, "vars", "a prompt template", "vars: {topic: [Raft, Paxos]}"), "vars");
    if (id == null || template == null || vars == null) {
      return;
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Node.Entry e : vars.entries().values()) {
      List<String> v = f.strings(vars, e.key());
      if (v != null && v.isEmpty()) {
        f.problems()
            .add(e.value(), "variable '" + e.key() + "' has no values", "list at least one value");
      } else if (v != null) {
        values.put(e.key(), v);
      }
    }
    Set<String> used = new LinkedHashSet<>();
    Matcher match = PLACEHOLDER.matcher(template + "\n" + (system == null ? "" : system));
    while (match.find()) {
      used.add(match.group(1));
    }
    for (String name : used) {
      if (!vars.entries().containsKey(name)) {
        f.problems()
            .add(
                m.get("template"),
                "the template uses {{" + name + "}} but vars has no '" + name + "'",
                Suggest.didYouMean(name, vars.entries().keySet())
                    + " (or add '"
                    + name
                    + ": [...]' under vars)");
      }
    }
    for (Node.Entry e : vars.entries().values()) {
      if (!used.contains(e.key())) {
        f.problems()
            .add(
                e.keyPos(),
                "variable '" + e.key() + "' is not used by the template",
                "use {{" + e.key() + "}} in the template or remove it");
      }
    }
    if (!used.stream().allMatch(values::containsKey)) {
      return;
    }
    for (Map<String, String> combo :
        combinations(new ArrayList<>(values.entrySet()), 0, new LinkedHashMap<>())) {
      List<Message> messages = new ArrayList<>();
      if (system != null) {
        messages.add(new Message("system", fill(system, combo)));
      }
      messages.add(new Message("user", fill(template, combo)));
      add(id + "-" + slug(String.join("-", combo.values())), m.get("id").pos(), messages);
    }
  }

  private static List<Map<String, String>> combinations(
      List<Map.Entry<String, List<String>>> vars, int i, Map<String, String> prefix) {
    if (i == vars.size()) {
      return List.of(new LinkedHashMap<>(prefix));
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (String value : vars.get(i).getValue()) {
      prefix.put(vars.get(i).getKey(), value);
      out.addAll(combinations(vars, i + 1, prefix));
    }
    prefix.remove(vars.get(i).getKey());
    return out;
  }

  private static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }
    m.appendTail(b);
    return b.toString();
  }

  static String slug(String s) {
    String slug =
        s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.length() > 40 ? slug.substring(0, 40) : slug;
  }

  private void file(Mapping m) {
    Node pathNode = m.get("file");
    String name = f.string(pathNode, "file");
    if (name == null) {
      return;
    }
    Path path = baseDir.resolve(name).normalize();
    if (!Files.isRegularFile(path)) {
      f.problems()
          .add(
              pathNode,
              "prompt file not found: " + path.toAbsolutePath(),
              "paths are relative to the suite file's folder ("
                  + baseDir.toAbsolutePath().normalize()
                  + "); check the name");
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      f.problems()
          .add(
              pathNode,
              "cannot read prompt file " + path.toAbsolutePath() + ": " + e.getMessage(),
              "check its permissions and encoding (UTF-8)");
      return;
    }
    // Named in messages as the user would reach it: next to the suite file as the suite was named.
    Path parent = suiteFile.getParent();
    String display = (parent == null ? Path.of(name) : parent.resolve(name)).normalize().toString();
    int before = prompts.size();
    int problemsBefore = f.problems().size();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.isBlank()) {
        jsonLine(new Pos(display, i + 1, 1, line), line);
      }
    }
    if (prompts.size() == before && f.problems().size() == problemsBefore) {
      f.problems()
          .add(
              pathNode,
              "prompt file " + name + " has no prompts",
              "write one JSON object per line: {\"id\": \"q1\", \"prompt\": \"...\"}");
    }
  }

  private void jsonLine(Pos pos, String line) {
    JsonNode json;
    try {
      json = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
      f.problems()
          .add(
              new Pos(pos.file(), pos.line(), col, pos.lineText()),
              "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""),
              "each line must be one JSON object such as {\"id\": \"q1\", \"prompt\": \"...\"}");
      return;
    }
    if (!json.isObject()) {
      f.problems()
          .add(
              pos,
              "each line must be a JSON object",
              "write {\"id\": \"q1\", \"prompt\": \"...\"}");
      return;
    }
    List<String> unknown = new ArrayList<>();
    json.fieldNames()
        .forEachRemaining(
            k -> {
              if (!INLINE_KEYS.contains(k)) {
                unknown.add(k);
              }
            });
    for (String k : unknown) {
      f.problems()
          .add(
              pos,
              "unknown field '" + k + "' in a prompt line",
              Suggest.didYouMean(k, INLINE_KEYS));
    }
    String id =
        json.path("id").isTextual() || json.path("id").isNumber() ? json.get("id").asText() : null;
    if (id == null) {
      f.problems().add(pos, "a prompt line needs an \"id\"", "add \"id\": \"q" + pos.line() + "\"");
      return;
    }
    List<Message> messages = new ArrayList<>();
    if (json.path("system").isTextual()) {
      messages.add(new Message("system", json.get("system").asText()));
    }
    if (json.path("prompt").isTextual()) {
      messages.add(new Message("user", json.get("prompt").asText()));
    } else if (json.path("messages").isArray()) {
      for (JsonNode msg : json.get("messages")) {
        String role = msg.path("role").asText("");
        if (!ROLES.contains(role) || !msg.path("content").isTextual()) {
          f.problems()
              .add(
                  pos,
                  "prompt '"
                      + id
                      + "': each message needs a role ("
                      + String.join(", ", ROLES)
                      + ") and a text content",
                  "write {\"role\": \"user\", \"content\": \"...\"}");
          return;
        }
        messages.add(new Message(role, msg.get("content").asText()));
      }
    }
    if (messages.stream().noneMatch(msg -> !msg.role().equals("system"))) {
      f.problems()
          .add(
              pos,
              "prompt '" + id + "' has no \"prompt\" text and no \"messages\"",
              "add \"prompt\": \"...\" or \"messages\": [{\"role\": \"user\", \"content\": \"...\"}]");
      return;
    }
    add(id, pos, messages);
  }

  private void add(String id, Pos pos, List<Message> messages) {
    Pos first = idPositions.putIfAbsent(id, pos);
    if (first != null) {
      f.problems()
          .add(
              pos,
              "duplicate prompt id '" + id + "'",
              "it is already used at "
                  + first.file()
                  + ":"
                  + first.line()
                  + "; prompt ids must be unique in a suite");
      return;
    }
    if (messages.isEmpty()) {
      return;
    }
    prompts.add(new Prompt(id, messages));
  }
}
