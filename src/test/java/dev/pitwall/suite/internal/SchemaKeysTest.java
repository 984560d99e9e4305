package dev.pitwall.suite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.suite.OverrideKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema and the loader accept the same keys, section by section, so an editor never offers a
 * key the loader refuses or misses one it accepts.
 */
class SchemaKeysTest {
  private static JsonNode schema;

  @BeforeAll
  static void read() throws IOException {
    schema = new ObjectMapper().readTree(Path.of("benchmarks/suite.schema.json").toFile());
  }

  private static List<String> keys(String pointer) {
    List<String> keys = new ArrayList<>();
    schema.at(pointer).fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void topLevelAndSections() {
    assertThat(keys("/properties")).containsExactlyInAnyOrderElementsOf(SuiteBinder.TOP_KEYS);
    assertThat(keys("/properties/load/properties"))
        .containsExactlyInAnyOrderElementsOf(SuiteBinder.LOAD_KEYS);
    assertThat(keys("/properties/iterations/properties"))
        .containsExactlyInAnyOrderElementsOf(SuiteBinder.ITERATION_KEYS);
    assertThat(keys("/properties/limits/properties"))
        .containsExactlyInAnyOrderElementsOf(SuiteBinder.LIMIT_KEYS);
    assertThat(keys("/properties/limits/properties/providers/additionalProperties/properties"))
        .containsExactlyInAnyOrderElementsOf(SuiteBinder.PROVIDER_LIMIT_KEYS);
    assertThat(keys("/properties/timeouts/properties"))
        .containsExactlyInAnyOrderElementsOf(SuiteBinder.TIMEOUT_KEYS);
    assertThat(keys("/properties/retries/anyOf/1/properties"))
        .containsExactlyInAnyOrderElementsOf(SuiteBinder.RETRY_KEYS);
  }

  @Test
  void modelsRequestsAndPrompts() {
    assertThat(keys("/$defs/model/properties"))
        .containsExactlyInAnyOrderElementsOf(ModelBinder.MODEL_KEYS);
    assertThat(keys("/$defs/request/properties"))
        .containsExactlyInAnyOrderElementsOf(ModelBinder.REQUEST_KEYS);
    assertThat(keys("/$defs/inlinePrompt/properties"))
        .containsExactlyInAnyOrderElementsOf(PromptBinder.INLINE_KEYS);
    assertThat(keys("/$defs/promptFile/properties"))
        .containsExactlyInAnyOrderElementsOf(PromptBinder.FILE_KEYS);
    assertThat(keys("/$defs/promptTemplate/properties"))
        .containsExactlyInAnyOrderElementsOf(PromptBinder.TEMPLATE_KEYS);
  }

  /** The settings a -D cannot reach, and why: each is a list, an object, or its name is taken. */
  private static final Map<String, String> NOT_OVERRIDABLE =
      Map.of(
          "request.seed", "-Dseed is the open loop's (and the simulator's) seed",
          "request.stop", "a list",
          "request.response_format", "an object",
          "request.reasoning", "an object or a level per model",
          "request.extra", "an object",
          "limits.providers", "a mapping per provider");

  @Test
  void overrideKeysLandInSectionsTheSchemaKnows() {
    OverrideKeys.SUITE.forEach(
        (key, section) -> {
          String pointer =
              section.isEmpty()
                  ? "/properties"
                  : section.equals("request")
                      ? "/$defs/request/properties"
                      : "/properties/" + section + "/properties";
          assertThat(keys(pointer)).as("-D" + key).contains(key);
        });
  }

  @Test
  void everySettingThatMayBeOverriddenIs() {
    Map<String, String> sections =
        Map.of(
            "load", "/properties/load/properties",
            "iterations", "/properties/iterations/properties",
            "limits", "/properties/limits/properties",
            "request", "/$defs/request/properties");
    sections.forEach(
        (section, pointer) -> {
          for (String key : keys(pointer)) {
            if (!NOT_OVERRIDABLE.containsKey(section + "." + key)) {
              assertThat(OverrideKeys.SUITE.get(key))
                  .as("-D%s (%s.%s in the schema)", key, section, key)
                  .isEqualTo(section);
            }
          }
        });
    assertThat(OverrideKeys.SUITE)
        .containsEntry("models", "")
        .containsEntry("retries", "")
        .containsEntry("generation_stats", "");
    assertThat(OverrideKeys.all()).doesNotHaveDuplicates();
  }
}
