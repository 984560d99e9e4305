package dev.pitwall.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cursor accepts exactly what Jackson accepts on these inputs, and decodes strings alike. */
class JsonCursorTest {
  static final JsonFactory JACKSON = new JsonFactory();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "{\"a\":1}",
        " {\"a\" : [1, -2.5e3, 0, true, false, null, \"x\"] } ",
        "{\"a\":{\"b\":{\"c\":[[],{}]}}}",
        "{\"s\":\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u20AC\"}",
        "{\"u\":\"héllo €\"}",
        "\"just a string\"",
        "12",
        // invalid ones
        "",
        "{",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "[1,]",
        "[1 2]",
        "{\"a\":1}}",
        "{\"a\":1} x",
        "{a:1}",
        "{\"a\":tru}",
        "{\"a\":01}",
        "{\"a\":1.}",
        "{\"a\":-}",
        "{\"a\":\"bad \\x escape\"}",
        "{\"a\":\"unterminated}",
        "{\"a\":\"ctrl \u0001\"}",
        "{\"a\":[1}",
        "{'a':1}"
      })
  void acceptsWhatJacksonAccepts(String json) {
    assertThat(cursorAccepts(json)).as(json).isEqualTo(jacksonAccepts(json));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "esc \\\" \\\\ \\/ \\n \\t \\u00e9 \\u20AC end",
        "héllo € 中文",
        "",
        "\\u0041\\u0042"
      })
  void decodesStringsLikeJackson(String raw) throws IOException {
    String json = "{\"k\":\"" + raw + "\"}";
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    JsonCursor c = new JsonCursor();
    c.reset(b, 0, b.length);
    c.next();
    c.next();
    assertThat(c.nameIs("k".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(c.next()).isEqualTo(JsonCursor.STRING);
    String expected;
    try (JsonParser p = JACKSON.createParser(b)) {
      p.nextToken();
      p.nextToken();
      p.nextToken();
      expected = p.getText();
    }
    assertThat(c.text()).isEqualTo(expected);
    StringBuilder sb = new StringBuilder();
    c.appendText(sb);
    assertThat(sb.toString()).isEqualTo(expected);
    assertThat(c.charCount()).isEqualTo(expected.length());
    assertThat(c.emptyString()).isEqualTo(expected.isEmpty());
  }

  @org.junit.jupiter.api.Test
  void numbers() throws IOException {
    byte[] b = "[42, -7, 3.9, 1e3, 0.000123]".getBytes(StandardCharsets.US_ASCII);
    JsonCursor c = new JsonCursor();
    c.reset(b, 0, b.length);
    c.next();
    c.next();
    assertThat(c.intValue()).isEqualTo(42);
    c.next();
    assertThat(c.intValue()).isEqualTo(-7);
    c.next();
    assertThat(c.intValue()).isEqualTo(3);
    c.next();
    assertThat(c.intValue()).isEqualTo(1000);
    c.next();
    assertThat(c.decimalValue()).isEqualTo(new java.math.BigDecimal("0.000123"));
    assertThat(c.next()).isEqualTo(JsonCursor.END_ARRAY);
    assertThat(c.next()).isEqualTo(JsonCursor.EOF);
    assertThat(c.next()).as("stays at the end").isEqualTo(JsonCursor.EOF);
  }

  static boolean cursorAccepts(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    JsonCursor c = new JsonCursor();
    c.reset(b, 0, b.length);
    try {
      while (c.next() != JsonCursor.EOF) {
        // walk every token
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean jacksonAccepts(String json) {
    try (JsonParser p = JACKSON.createParser(json.getBytes(StandardCharsets.UTF_8))) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
