package dev.pitwall.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps {@code benchmarks/suite.schema.json} in step with the loader: every example suite must pass
 * both, and every broken fixture the schema can judge must fail both.
 */
class SuiteSchemaTest {
  static final Path BENCHMARKS = Path.of("benchmarks");
  static final Path BROKEN = Path.of("src/test/resources/dev/pitwall/suite/broken");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    schema = registry.getSchema(Files.readString(BENCHMARKS.resolve("suite.schema.json")));
  }

  static Stream<Path> examples() throws IOException {
    return Files.list(BENCHMARKS).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleSuiteMatchesTheSchemaAndLoads(Path suite) throws Exception {
    List<Error> errors = schema.validate(YAML.readTree(suite.toFile()));
    assertThat(errors).as("schema errors in " + suite).isEmpty();
    assertThat(Plan.of(SuiteLoader.load(suite, Map.of())).cells()).isNotEmpty();
  }

  /** The broken fixtures a schema can judge; bad paths and impossible limits need the loader. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "typo-key.yaml",
        "wrong-type.yaml",
        "zero-cells.yaml",
        "negative-values.yaml",
        "typo-in-model.yaml",
        "providers-and-order.yaml"
      })
  void theSchemaRejectsBrokenSuites(String name) throws Exception {
    JsonNode tree = YAML.readTree(BROKEN.resolve(name).toFile());
    assertThat(schema.validate(tree)).as(name).isNotEmpty();
    assertThatThrownBy(() -> SuiteLoader.load(BROKEN.resolve(name), Map.of()))
        .isInstanceOf(SuiteException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad-yaml.yaml"})
  void badYamlCannotEvenBeRead(String name) {
    assertThatThrownBy(() -> YAML.readTree(BROKEN.resolve(name).toFile()))
        .isInstanceOf(IOException.class);
  }
}
