package dev.pitwall.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Set;

/**
 * Feature normalisation for {@code json_mode} (issue 5 item 6): a model whose {@code
 * supported_parameters} include {@code response_format} gets {@code response_format: json_object};
 * a model the catalog does not know gets it when its id starts with {@code openai/}; any other
 * model gets a system instruction. The reply is then checked: one JSON object, optionally inside a
 * single Markdown code fence (models told by instruction often add one).
 */
public final class JsonModePolicy {
  private static final com.fasterxml.jackson.core.JsonFactory JSON =
      new com.fasterxml.jackson.core.JsonFactory();

  private JsonModePolicy() {}

  /**
   * @param supportedParameters the model's {@code supported_parameters}, or null when unknown
   */
  public static JsonMode decide(String model, Set<String> supportedParameters) {
    if (supportedParameters != null) {
      return supportedParameters.contains("response_format")
              || supportedParameters.contains("structured_outputs")
          ? JsonMode.RESPONSE_FORMAT
          : JsonMode.SYSTEM_INSTRUCTION;
    }
    return model.startsWith("openai/") ? JsonMode.RESPONSE_FORMAT : JsonMode.SYSTEM_INSTRUCTION;
  }

  /** Null when {@code content} is one JSON object, else why not. */
  public static String checkJsonObject(CharSequence content) {
    String s = content.toString().strip();
    if (s.startsWith("```")) {
      int firstLine = s.indexOf('\n');
      int close = s.lastIndexOf("```");
      if (firstLine > 0 && close > firstLine) {
        s = s.substring(firstLine + 1, close).strip();
      }
    }
    if (s.isEmpty()) {
      return "json_mode: the reply is empty";
    }
    try (JsonParser p = JSON.createParser(s)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return "json_mode: the reply is not a JSON object: " + CompletionAccumulator.snippet(s);
      }
      p.skipChildren();
      if (p.nextToken() != null) {
        return "json_mode: text after the JSON object: " + CompletionAccumulator.snippet(s);
      }
      return null;
    } catch (IOException e) {
      return "json_mode: the reply is not valid JSON: " + CompletionAccumulator.snippet(s);
    }
  }
}
