package dev.pitwall.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.client.ApiKey;
import dev.pitwall.metrics.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  static final String KEY = "sk-or-v1-0123456789abcdef";
  final ErrorClassifier classifier = new ErrorClassifier(CLOCK, ApiKey.ofNullable(KEY));

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "400, CLIENT_ERROR",
    "401, CLIENT_ERROR",
    "402, CLIENT_ERROR",
    "403, CLIENT_ERROR",
    "404, CLIENT_ERROR",
    "408, TIMEOUT",
    "413, CLIENT_ERROR",
    "422, CLIENT_ERROR",
    "429, THROTTLED",
    "500, SERVER_ERROR",
    "502, SERVER_ERROR",
    "503, SERVER_ERROR",
    "524, TIMEOUT",
    "529, SERVER_ERROR"
  })
  void statusDecidesTheOutcome(int status, Outcome expected) {
    ErrorClassifier.Classified c =
        classify(
            status,
            "application/json",
            null,
            "{\"error\":{\"code\":"
                + status
                + ",\"message\":\"m"
                + status
                + "\",\"metadata\":{}}}");
    assertThat(c.outcome()).isEqualTo(expected);
    assertThat(c.code()).isEqualTo(String.valueOf(status));
    assertThat(c.message()).isEqualTo("m" + status);
  }

  @Test
  void moderationKeepsProviderAndRawReason() {
    ErrorClassifier.Classified c =
        classify(
            403,
            "application/json",
            null,
            "{\"error\":{\"code\":403,\"message\":\"Input flagged\",\"metadata\":{\"provider_name\":\"OpenAI\",\"raw\":\"violence\"}}}");
    assertThat(c.outcome()).isEqualTo(Outcome.CLIENT_ERROR);
    assertThat(c.message()).isEqualTo("Input flagged (provider OpenAI): violence");
  }

  @Test
  void retryAfterInSeconds() {
    assertThat(classify(429, "application/json", "12", "{}").retryAfterNanos())
        .isEqualTo(12_000_000_000L);
  }

  @Test
  void retryAfterAsHttpDate() {
    assertThat(
            classify(503, "text/plain", "Thu, 01 Jan 2026 00:00:30 GMT", "busy").retryAfterNanos())
        .isEqualTo(30_000_000_000L);
  }

  @Test
  void retryAfterFromMetadataWhenNoHeader() {
    String body =
        "{\"error\":{\"code\":429,\"message\":\"slow down\",\"metadata\":{\"retry_after_seconds\":2.5}}}";
    assertThat(classify(429, "application/json", null, body).retryAfterNanos())
        .isEqualTo(3_000_000_000L);
  }

  @ParameterizedTest(name = "Retry-After: {0} → {1} ns")
  @CsvSource(
      delimiter = '|',
      value = {
        "120 | 120000000000",
        "0 | 0",
        "1.5 | 1500000000",
        "  7  | 7000000000",
        "99999999999999999999999 | 9223372036854775807",
        "-5 | -1",
        "+5 | -1",
        "1e3 | -1",
        "NaN | -1",
        "Infinity | -1",
        "Thu, 01 Jan 2026 00:00:30 GMT | 30000000000",
        "Thursday, 01-Jan-26 00:01:00 GMT | 60000000000",
        "Thu Jan  1 00:00:10 2026 | 10000000000",
        "Wed, 31 Dec 2025 23:00:00 GMT | 0",
        "tomorrow | -1"
      })
  void retryAfterIsParsedAsRfc9110Says(String header, long nanos) {
    assertThat(classifier.parseRetryAfter(header)).isEqualTo(nanos);
  }

  @Test
  void noRetryAfter() {
    assertThat(classify(429, "application/json", null, "{}").retryAfterNanos()).isEqualTo(-1);
    assertThat(classify(429, "application/json", "soon", "{}").retryAfterNanos()).isEqualTo(-1);
  }

  @Test
  void htmlPageGivesItsTitle() {
    ErrorClassifier.Classified c =
        classify(
            524,
            "text/html; charset=UTF-8",
            null,
            "<!DOCTYPE html>\n<html><head><title>openrouter.ai | 524: A timeout occurred</title>");
    assertThat(c.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(c.message()).isEqualTo("HTML error page: openrouter.ai | 524: A timeout occurred");
  }

  @Test
  void plainTextAndEmptyBodies() {
    assertThat(classify(500, "text/plain", null, "Internal error\n").message())
        .isEqualTo("Internal error");
    assertThat(classify(502, null, null, "").message()).isEqualTo("HTTP 502 with an empty body");
  }

  @Test
  void echoedKeyIsRedacted() {
    ErrorClassifier.Classified c =
        classify(
            401,
            "application/json",
            null,
            "{\"error\":{\"code\":401,\"message\":\"bad key Bearer " + KEY + "\"}}");
    assertThat(c.message()).isEqualTo("bad key Bearer [redacted]");
  }

  @Test
  void longMessagesAreShortened() {
    String m = classify(400, "text/plain", null, "x".repeat(5000)).message();
    assertThat(m).hasSizeLessThan(210).endsWith("...");
  }

  private ErrorClassifier.Classified classify(
      int status, String type, String retryAfter, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return classifier.classify(status, type, retryAfter, b, b.length);
  }
}
