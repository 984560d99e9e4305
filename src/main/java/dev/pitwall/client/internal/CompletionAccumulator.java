package dev.pitwall.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pitwall.client.ClientResult;
import dev.pitwall.client.Usage;
import dev.pitwall.metrics.Outcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the chunks of one streamed completion (or the body of a non-streamed one) into the stamps
 * and attribution of design §3. It is the {@link SseParser}'s listener: each event is decoded with
 * Jackson's streaming parser straight from the byte slice, without building a tree or a String per
 * token.
 *
 * <p>What counts: an event is token-bearing when it carries a non-empty {@code content}, {@code
 * reasoning} (or {@code reasoning_details} text), {@code refusal} or tool-call {@code arguments}.
 * Role-only, empty, comment and usage-only events never move t_first or t_last; only content and
 * refusal are "visible" and set t_answer. Every event read in one transport read gets the stamp of
 * that read ({@link #arrival}), so events that arrived together have a gap of zero.
 *
 * <p>A stream that ends after some events but before {@code [DONE]} is a {@link
 * Outcome#STREAM_ERROR} (the same fault as a reset after the 200); a stream with no event at all,
 * or an event that is not JSON, is {@link Outcome#INVALID}.
 *
 * <p>Not thread-safe: one per response.
 */
public final class CompletionAccumulator implements SseParser.Listener {
  static final JsonFactory JSON = new JsonFactory();

  private static final long NONE = ClientResult.NONE;
  private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

  private final boolean captureContent;
  private long now = NONE;

  private long tFirst = NONE;
  private long tAnswer = NONE;
  private long tLast = NONE;
  private long tDone = NONE;
  private long[] gaps = new long[64];
  private int gapCount;
  private int tokenEvents;
  private int events;
  private long generatedChars;
  private StringBuilder content;

  private String id;
  private String model;
  private String provider;
  private String finishReason;

  private boolean hasUsage;
  private int promptTokens;
  private int completionTokens;
  private int reasoningTokens;
  private int cachedTokens;
  private BigDecimal cost;
  private Boolean isByok;

  private boolean done;
  private boolean errorEvent;
  private String errorCode;
  private String errorMessage;
  private long retryAfterSeconds = -1;
  private String invalidMessage;

  // per event
  private boolean eventTokens;
  private boolean eventVisible;

  /**
   * @param captureContent keep the visible content (for the JSON-mode check); otherwise only its
   *     length is counted
   */
  public CompletionAccumulator(boolean captureContent) {
    this.captureContent = captureContent;
    this.content = captureContent ? new StringBuilder(256) : null;
  }

  /** The ticker reading of the transport read whose bytes are parsed next. */
  public void arrival(long nowNs) {
    this.now = nowNs;
  }

  @Override
  public boolean onEvent(byte[] b, int off, int len) {
    events++;
    if (isDone(b, off, len)) {
      done = true;
      tDone = now;
      return false;
    }
    eventTokens = false;
    eventVisible = false;
    try (JsonParser p = JSON.createParser(b, off, len)) {
      readTopLevel(p);
    } catch (IOException | RuntimeException e) {
      invalidMessage =
          "invalid JSON in stream event "
              + events
              + ": "
              + snippet(new String(b, off, Math.min(len, 120), StandardCharsets.UTF_8));
      return false;
    }
    if (eventTokens) {
      stampToken();
    }
    return !errorEvent;
  }

  /** Decodes a whole non-streamed response body; every stamp is the body's arrival. */
  public void onBody(byte[] b, int off, int len) {
    events++;
    eventTokens = false;
    eventVisible = false;
    int start = off;
    while (start < off + len && Character.isWhitespace(b[start])) {
      start++; // OpenRouter may send whitespace as keep-alive before a non-streamed body
    }
    if (start == off + len) {
      invalidMessage = "empty response body";
      return;
    }
    try (JsonParser p = JSON.createParser(b, start, off + len - start)) {
      readTopLevel(p);
    } catch (IOException | RuntimeException e) {
      invalidMessage =
          "response body is not JSON: "
              + snippet(new String(b, start, Math.min(off + len - start, 120), UTF8));
      return;
    }
    if (eventTokens) {
      stampToken();
    }
    tDone = now;
    done = true;
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private void stampToken() {
    if (tFirst == NONE) {
      tFirst = now;
    } else {
      if (gapCount == gaps.length) {
        gaps = Arrays.copyOf(gaps, gaps.length * 2);
      }
      gaps[gapCount++] = now - tLast;
    }
    tLast = now;
    tokenEvents++;
    if (eventVisible && tAnswer == NONE) {
      tAnswer = now;
    }
  }

  private static boolean isDone(byte[] b, int off, int len) {
    int s = off;
    int e = off + len;
    while (s < e && b[s] == ' ') {
      s++;
    }
    while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\n')) {
      e--;
    }
    return Arrays.equals(b, s, e, DONE, 0, DONE.length);
  }

  private void readTopLevel(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException("not a JSON object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      switch (f) {
        case "id" -> id = keepFirstString(p, t, id);
        case "model" -> model = keepFirstString(p, t, model);
        case "provider" -> provider = keepFirstString(p, t, provider);
        case "choices" -> {
          if (t == JsonToken.START_ARRAY) {
            readChoices(p);
          } else {
            p.skipChildren();
          }
        }
        case "usage" -> {
          if (t == JsonToken.START_OBJECT) {
            readUsage(p);
          } else {
            p.skipChildren();
          }
        }
        case "error" -> {
          if (t == JsonToken.START_OBJECT) {
            readError(p);
          } else {
            p.skipChildren(); // "error": null is no error
          }
        }
        default -> p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      throw new IOException("trailing data after the JSON object");
    }
  }

  private static String keepFirstString(JsonParser p, JsonToken t, String current)
      throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      p.skipChildren();
      return current;
    }
    return current != null ? current : p.getText();
  }

  private void readChoices(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        switch (f) {
          case "delta", "message" -> {
            if (t == JsonToken.START_OBJECT) {
              readDelta(p);
            } else {
              p.skipChildren();
            }
          }
          case "finish_reason" -> {
            if (t == JsonToken.VALUE_STRING) {
              finishReason = p.getText();
              if ("error".equals(finishReason)) {
                errorEvent = true;
              }
            }
          }
          default -> p.skipChildren();
        }
      }
    }
  }

  private void readDelta(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      switch (f) {
        case "content", "refusal" -> {
          if (t == JsonToken.VALUE_STRING) {
            int n = p.getTextLength();
            if (n > 0) {
              eventTokens = true;
              eventVisible = true;
              generatedChars += n;
              if (captureContent && "content".equals(f)) {
                content.append(p.getTextCharacters(), p.getTextOffset(), n);
              }
            }
          }
        }
        case "reasoning" -> {
          if (t == JsonToken.VALUE_STRING) {
            int n = p.getTextLength();
            if (n > 0) {
              eventTokens = true;
              generatedChars += n;
            }
          }
        }
        case "reasoning_details" -> readReasoningDetails(p, t);
        case "tool_calls" -> readToolCalls(p, t);
        default -> p.skipChildren();
      }
    }
  }

  private void readReasoningDetails(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.VALUE_STRING
            && ("text".equals(f) || "summary".equals(f))
            && p.getTextLength() > 0) {
          eventTokens = true; // the same text also comes as "reasoning": not counted twice
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private void readToolCalls(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        if ("function".equals(f) && v == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String g = p.currentName();
            JsonToken w = p.nextToken();
            if ("arguments".equals(g) && w == JsonToken.VALUE_STRING) {
              int n = p.getTextLength();
              if (n > 0) {
                eventTokens = true;
                generatedChars += n;
              }
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private void readUsage(JsonParser p) throws IOException {
    hasUsage = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      switch (f) {
        case "prompt_tokens" -> promptTokens = intOr(p, t, promptTokens);
        case "completion_tokens" -> completionTokens = intOr(p, t, completionTokens);
        case "cost" -> cost = decimalOr(p, t, cost);
        case "is_byok" -> {
          if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            isByok = t == JsonToken.VALUE_TRUE;
          }
        }
        case "prompt_tokens_details" -> cachedTokens = nestedInt(p, t, "cached_tokens");
        case "completion_tokens_details" -> reasoningTokens = nestedInt(p, t, "reasoning_tokens");
        default -> p.skipChildren();
      }
    }
  }

  private static int nestedInt(JsonParser p, JsonToken t, String name) throws IOException {
    int value = 0;
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return value;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken v = p.nextToken();
      if (name.equals(f)) {
        value = intOr(p, v, value);
      } else {
        p.skipChildren();
      }
    }
    return value;
  }

  private static int intOr(JsonParser p, JsonToken t, int fallback) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      return (int) p.getDoubleValue();
    }
    p.skipChildren();
    return fallback;
  }

  private static BigDecimal decimalOr(JsonParser p, JsonToken t, BigDecimal fallback)
      throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return new BigDecimal(p.getText()); // exactly the digits sent, no binary rounding
    }
    if (t == JsonToken.VALUE_STRING) {
      try {
        return new BigDecimal(p.getText().strip());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    p.skipChildren();
    return fallback;
  }

  private void readError(JsonParser p) throws IOException {
    errorEvent = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken t = p.nextToken();
      switch (f) {
        case "code" -> errorCode = t.isScalarValue() ? p.getText() : skip(p);
        case "message" -> errorMessage = t == JsonToken.VALUE_STRING ? p.getText() : skip(p);
        case "metadata" -> readErrorMetadata(p, t);
        default -> p.skipChildren();
      }
    }
  }

  private static String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  private void readErrorMetadata(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken v = p.nextToken();
      if ("retry_after_seconds".equals(f) && v.isNumeric()) {
        retryAfterSeconds = (long) Math.ceil(p.getDoubleValue());
      } else if ("provider_name".equals(f) && v == JsonToken.VALUE_STRING) {
        if (provider == null) {
          provider = p.getText();
        }
      } else {
        p.skipChildren();
      }
    }
  }

  static String snippet(String s) {
    String one = s.replace('\n', ' ').replace('\r', ' ').strip();
    return one.length() <= 200 ? one : one.substring(0, 200) + "...";
  }

  // ---- results -------------------------------------------------------------------------------

  /**
   * The outcome of the stream as seen so far, given how it ended.
   *
   * @param truncatedLine the transport ended in the middle of a line
   */
  public Outcome streamOutcome(boolean truncatedLine) {
    if (invalidMessage != null) {
      return Outcome.INVALID;
    }
    if (errorEvent) {
      return Outcome.STREAM_ERROR;
    }
    if (done) {
      return Outcome.OK;
    }
    return events == 0 && !truncatedLine ? Outcome.INVALID : Outcome.STREAM_ERROR;
  }

  /** A short message for a non-OK {@link #streamOutcome}. */
  public String streamProblem(boolean truncatedLine) {
    if (invalidMessage != null) {
      return invalidMessage;
    }
    if (errorEvent) {
      String m = errorMessage != null ? errorMessage : "finish_reason \"error\"";
      return "error event after " + tokenEvents + " token events: " + snippet(m);
    }
    if (done) {
      return null;
    }
    if (events == 0 && !truncatedLine) {
      return "empty stream: no event before the end";
    }
    return "stream ended before [DONE] after " + events + " events";
  }

  public boolean done() {
    return done;
  }

  public boolean errorEvent() {
    return errorEvent;
  }

  public String invalidMessage() {
    return invalidMessage;
  }

  public long tFirst() {
    return tFirst;
  }

  public long tAnswer() {
    return tAnswer;
  }

  public long tLast() {
    return tLast;
  }

  public long tDone() {
    return tDone;
  }

  public int tokenEvents() {
    return tokenEvents;
  }

  public int events() {
    return events;
  }

  public long[] gaps() {
    return gaps;
  }

  public int gapCount() {
    return gapCount;
  }

  public String id() {
    return id;
  }

  public String model() {
    return model;
  }

  public String provider() {
    return provider;
  }

  public String finishReason() {
    return finishReason;
  }

  public String errorCode() {
    return errorCode;
  }

  public String errorMessage() {
    return errorMessage;
  }

  /** {@code error.metadata.retry_after_seconds}, or -1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The visible content, when captured. */
  public CharSequence content() {
    return content == null ? "" : content;
  }

  /** The usage object, or null when none came. */
  public Usage usage() {
    return hasUsage
        ? new Usage(promptTokens, completionTokens, reasoningTokens, cachedTokens, cost, isByok)
        : null;
  }

  /** About four characters a token across every generated channel; 0 when nothing came. */
  public int estimatedCompletionTokens() {
    return (int) ((generatedChars + 3) / 4);
  }
}
