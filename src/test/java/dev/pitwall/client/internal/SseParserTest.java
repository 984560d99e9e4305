package dev.pitwall.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: each stream must give the same events however the bytes are split. */
class SseParserTest {

  static Stream<Arguments> streams() {
    return Stream.of(
        Arguments.of("LF", "data: {\"a\":1}\n\ndata: [DONE]\n\n", List.of("{\"a\":1}", "[DONE]")),
        Arguments.of("CRLF", "data: a\r\n\r\ndata: b\r\n\r\n", List.of("a", "b")),
        Arguments.of("lone CR", "data: a\r\rdata: b\r\r", List.of("a", "b")),
        Arguments.of("no space after colon", "data:a\n\n", List.of("a")),
        Arguments.of("multi-line data", "data: {\"a\":\ndata: 1}\n\n", List.of("{\"a\":\n1}")),
        Arguments.of(
            "comments are skipped",
            ": OPENROUTER PROCESSING\n\ndata: x\n: mid\n\n: tail\n\n",
            List.of("x")),
        Arguments.of(
            "other fields are skipped",
            "event: message\nid: 7\nretry: 10\ndata: x\n\n",
            List.of("x")),
        Arguments.of("empty data field", "data\n\ndata:\n\n", List.of("", "")),
        Arguments.of("unknown data-like field", "datax: no\ndata: yes\n\n", List.of("yes")),
        Arguments.of(
            "several events one read", "data: 1\n\ndata: 2\n\ndata: 3\n\n", List.of("1", "2", "3")),
        Arguments.of(
            "last event without blank line", "data: a\n\ndata: [DONE]\n", List.of("a", "[DONE]")),
        Arguments.of("truncated last line is dropped", "data: a\n\ndata: {\"tru", List.of("a")),
        Arguments.of("long line", "data: " + "x".repeat(5000) + "\n\n", List.of("x".repeat(5000))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void sameEventsAtEverySplit(String name, String stream, List<String> expected) {
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    assertThat(parse(bytes, bytes.length)).as("whole").isEqualTo(expected);
    for (int split = 1; split < bytes.length; split++) {
      assertThat(parseSplit(bytes, split)).as("split at %d", split).isEqualTo(expected);
    }
    assertThat(parse(bytes, 1)).as("one byte per read").isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void callerBufferMayBeReusedAfterEachRead(String name, String stream, List<String> expected) {
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    List<String> got = new ArrayList<>();
    SseParser p =
        new SseParser((b, off, len) -> got.add(new String(b, off, len, StandardCharsets.UTF_8)));
    byte[] reused = new byte[3];
    for (int i = 0; i < bytes.length; i += 3) {
      int n = Math.min(3, bytes.length - i);
      System.arraycopy(bytes, i, reused, 0, n);
      p.feed(reused, 0, n);
      java.util.Arrays.fill(reused, (byte) '#'); // a later read overwrites the buffer
    }
    p.finish();
    assertThat(got).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void listenerCanStop() {
    List<String> got = new ArrayList<>();
    SseParser p =
        new SseParser(
            (b, off, len) -> {
              got.add(new String(b, off, len, StandardCharsets.UTF_8));
              return false;
            });
    byte[] bytes = "data: 1\n\ndata: 2\n\n".getBytes(StandardCharsets.UTF_8);
    assertThat(p.feed(bytes, 0, bytes.length)).isFalse();
    assertThat(p.stopped()).isTrue();
    assertThat(got).containsExactly("1");
  }

  @org.junit.jupiter.api.Test
  void finishReportsACutLine() {
    SseParser p = new SseParser((b, off, len) -> true);
    byte[] bytes = "data: {\"a\"".getBytes(StandardCharsets.UTF_8);
    p.feed(bytes, 0, bytes.length);
    assertThat(p.finish()).isTrue();
  }

  private static List<String> parseSplit(byte[] bytes, int split) {
    List<String> got = new ArrayList<>();
    SseParser p = new SseParser(collect(got));
    p.feed(bytes, 0, split);
    p.feed(bytes, split, bytes.length - split);
    p.finish();
    return got;
  }

  private static List<String> parse(byte[] bytes, int readSize) {
    List<String> got = new ArrayList<>();
    SseParser p = new SseParser(collect(got));
    for (int i = 0; i < bytes.length; i += readSize) {
      p.feed(bytes, i, Math.min(readSize, bytes.length - i));
    }
    p.finish();
    return got;
  }

  private static SseParser.Listener collect(List<String> got) {
    return (b, off, len) -> got.add(new String(b, off, len, StandardCharsets.UTF_8));
  }
}
