package dev.pitwall.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.client.ClientResult;
import dev.pitwall.metrics.Outcome;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events fed one per "read" at stamps 10, 20, 30, ... (fake time): which ones move t_first,
 * t_answer and t_last is then exact.
 */
class CompletionAccumulatorTest {
  static final String HEAD =
      "{\"id\":\"gen-1\",\"provider\":\"Groq\",\"model\":\"m/x\",\"object\":\"chat.completion.chunk\",\"created\":1,";

  static String delta(String delta) {
    return HEAD + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":null}]}";
  }

  static final String ROLE = delta("{\"role\":\"assistant\",\"content\":\"\"}");
  static final String EMPTY = delta("{}");
  static final String CONTENT = delta("{\"content\":\"Hi\"}");
  static final String TWO_CHOICES =
      HEAD
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}},{\"index\":1,\"delta\":{\"content\":\"b\"}}]}";
  static final String REASONING = delta("{\"content\":\"\",\"reasoning\":\"hmm\"}");
  static final String TOOL =
      delta(
          "{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"q\\\":\"}}]}");
  static final String TOOL_NAME_ONLY =
      delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}");
  static final String FINISH =
      HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"stop\"}]}";
  static final String USAGE =
      HEAD
          + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"cost\":1.5E-5,"
          + "\"is_byok\":true,\"prompt_tokens_details\":{\"cached_tokens\":3},"
          + "\"completion_tokens_details\":{\"reasoning_tokens\":2}}}";
  static final String USAGE_OLD =
      HEAD
          + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":null}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7}}";
  static final String ERROR =
      HEAD
          + "\"error\":{\"code\":\"server_error\",\"message\":\"upstream died\",\"metadata\":{\"error_type\":\"provider\"}},"
          + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\"}]}";
  static final String ERROR_NULL =
      delta("{\"content\":\"x\"}").replace("\"created\":1,", "\"created\":1,\"error\":null,");

  /** Feeds each event as one read, stamped 10 × its position. */
  static CompletionAccumulator feed(boolean ended, String... events) {
    CompletionAccumulator acc = new CompletionAccumulator(true);
    SseParser p = new SseParser(acc);
    long t = 0;
    for (String e : events) {
      t += 10;
      acc.arrival(t);
      byte[] b = ("data: " + e + "\n\n").getBytes(StandardCharsets.UTF_8);
      if (!p.feed(b, 0, b.length)) {
        break;
      }
    }
    if (ended && !p.stopped()) {
      p.finish();
    }
    return acc;
  }

  @Test
  void roleOnlyAndEmptyDeltasAreNotTokens() {
    CompletionAccumulator a = feed(true, ROLE, EMPTY, CONTENT, FINISH, USAGE, "[DONE]");
    assertThat(a.tFirst()).isEqualTo(30);
    assertThat(a.tAnswer()).isEqualTo(30);
    assertThat(a.tLast()).as("finish and usage chunks do not move t_last").isEqualTo(30);
    assertThat(a.tDone()).isEqualTo(60);
    assertThat(a.tokenEvents()).isEqualTo(1);
    assertThat(a.streamOutcome(false)).isEqualTo(Outcome.OK);
    assertThat(a.finishReason()).isEqualTo("stop");
  }

  @Test
  void reasoningCountsForTtftNotTtfa() {
    CompletionAccumulator a = feed(true, ROLE, REASONING, REASONING, CONTENT, "[DONE]");
    assertThat(a.tFirst()).isEqualTo(20);
    assertThat(a.tAnswer()).isEqualTo(40);
    assertThat(a.tLast()).isEqualTo(40);
    assertThat(a.gapCount()).isEqualTo(2);
    assertThat(a.gaps()[0]).isEqualTo(10);
    assertThat(a.gaps()[1]).isEqualTo(10);
  }

  @Test
  void toolArgumentsAreTokensButANameAloneIsNot() {
    CompletionAccumulator a = feed(true, TOOL_NAME_ONLY, TOOL, "[DONE]");
    assertThat(a.tFirst()).isEqualTo(20);
    assertThat(a.tAnswer()).isEqualTo(ClientResult.NONE);
    assertThat(a.tokenEvents()).isEqualTo(1);
  }

  @Test
  void severalTokensInOneChunkAreOneEvent() {
    CompletionAccumulator a = feed(true, TWO_CHOICES, "[DONE]");
    assertThat(a.tokenEvents()).isEqualTo(1);
    assertThat(a.content().toString()).isEqualTo("ab");
  }

  @Test
  void eventsOfOneReadShareItsStamp() {
    CompletionAccumulator acc = new CompletionAccumulator(false);
    SseParser p = new SseParser(acc);
    acc.arrival(100);
    byte[] b =
        ("data: " + CONTENT + "\n\ndata: " + CONTENT + "\n\n").getBytes(StandardCharsets.UTF_8);
    p.feed(b, 0, b.length);
    assertThat(acc.tFirst()).isEqualTo(100);
    assertThat(acc.tLast()).isEqualTo(100);
    assertThat(acc.gapCount()).isEqualTo(1);
    assertThat(acc.gaps()[0]).isZero();
  }

  @Test
  void usageWithEmptyChoices() {
    CompletionAccumulator a = feed(true, CONTENT, USAGE, "[DONE]");
    assertThat(a.usage().promptTokens()).isEqualTo(5);
    assertThat(a.usage().completionTokens()).isEqualTo(7);
    assertThat(a.usage().cachedTokens()).isEqualTo(3);
    assertThat(a.usage().reasoningTokens()).isEqualTo(2);
    assertThat(a.usage().cost()).isEqualTo(new BigDecimal("1.5E-5"));
    assertThat(a.usage().isByok()).isTrue();
    assertThat(a.tLast()).isEqualTo(10);
  }

  @Test
  void usageInTheOlderShape() {
    CompletionAccumulator a = feed(true, CONTENT, USAGE_OLD, "[DONE]");
    assertThat(a.usage().completionTokens()).isEqualTo(7);
    assertThat(a.usage().cost()).isNull();
    assertThat(a.tLast()).isEqualTo(10);
    assertThat(a.tokenEvents()).isEqualTo(1);
  }

  @Test
  void attributionComesFromTheChunks() {
    CompletionAccumulator a = feed(true, CONTENT, "[DONE]");
    assertThat(a.id()).isEqualTo("gen-1");
    assertThat(a.provider()).isEqualTo("Groq");
    assertThat(a.model()).isEqualTo("m/x");
  }

  @Test
  void midStreamErrorIsAStreamError() {
    CompletionAccumulator a = feed(true, CONTENT, ERROR, "[DONE]");
    assertThat(a.streamOutcome(false)).isEqualTo(Outcome.STREAM_ERROR);
    assertThat(a.errorCode()).isEqualTo("server_error");
    assertThat(a.streamProblem(false)).contains("upstream died");
    assertThat(a.done()).as("parsing stopped at the error").isFalse();
  }

  @Test
  void errorNullIsNoError() {
    CompletionAccumulator a = feed(true, ERROR_NULL, "[DONE]");
    assertThat(a.streamOutcome(false)).isEqualTo(Outcome.OK);
    assertThat(a.tokenEvents()).isEqualTo(1);
  }

  @Test
  void invalidJsonIsInvalid() {
    CompletionAccumulator a = feed(true, CONTENT, "{\"id\": oops", "[DONE]");
    assertThat(a.streamOutcome(false)).isEqualTo(Outcome.INVALID);
    assertThat(a.streamProblem(false)).contains("invalid JSON in stream event 2");
  }

  @Test
  void endWithoutDoneIsAStreamError() {
    CompletionAccumulator a = feed(true, CONTENT, FINISH);
    assertThat(a.streamOutcome(false)).isEqualTo(Outcome.STREAM_ERROR);
    assertThat(a.streamProblem(false)).contains("before [DONE]");
  }

  @Test
  void emptyStreamIsInvalid() {
    CompletionAccumulator a = feed(true);
    assertThat(a.streamOutcome(false)).isEqualTo(Outcome.INVALID);
    assertThat(a.streamOutcome(true)).as("cut mid-line").isEqualTo(Outcome.STREAM_ERROR);
  }

  @Test
  void nonStreamedBody() {
    CompletionAccumulator a = new CompletionAccumulator(true);
    a.arrival(500);
    byte[] b =
        (" \n"
                + HEAD
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"},"
                + "\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"cost\":\"0.01\"}}")
            .getBytes(StandardCharsets.UTF_8);
    a.onBody(b, 0, b.length);
    assertThat(a.tFirst()).isEqualTo(500);
    assertThat(a.tDone()).isEqualTo(500);
    assertThat(a.content().toString()).isEqualTo("Hello");
    assertThat(a.usage().cost()).isEqualTo(new BigDecimal("0.01"));
    assertThat(a.finishReason()).isEqualTo("length");
    assertThat(a.estimatedCompletionTokens()).isEqualTo(2);
  }

  @Test
  void estimateCoversEveryChannel() {
    CompletionAccumulator a = feed(true, REASONING, CONTENT, "[DONE]");
    assertThat(a.estimatedCompletionTokens()).isEqualTo(2); // "hmm" + "Hi" = 5 chars
    assertThat(List.of(a.events())).containsExactly(3);
  }
}
