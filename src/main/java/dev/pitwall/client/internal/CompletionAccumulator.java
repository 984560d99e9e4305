package dev.pitwall.client.internal;

import dev.pitwall.client.ClientResult;
import dev.pitwall.client.Usage;
import dev.pitwall.metrics.Outcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the chunks of one streamed completion (or the body of a non-streamed one) into the stamps
 * and attribution of docs/metrics.md. It is the {@link SseParser}'s listener: each event is decoded
 * by a reused {@link JsonCursor} straight from the byte slice, without building a tree or a String
 * per token.
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
  private static final long NONE = ClientResult.NONE;
  private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

  private final boolean captureContent;
  private final JsonCursor cursor = new JsonCursor();
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
  private BigDecimal upstreamCost;
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
    try {
      cursor.reset(b, off, len);
      readTopLevel(cursor);
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
    try {
      cursor.reset(b, start, off + len - start);
      readTopLevel(cursor);
    } catch (IOException | RuntimeException e) {
      invalidMessage =
          "response body is not JSON: "
              + snippet(
                  new String(b, start, Math.min(off + len - start, 120), StandardCharsets.UTF_8));
      return;
    }
    if (eventTokens) {
      stampToken();
    }
    tDone = now;
    done = true;
  }

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

  private static byte[] name(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static final byte[] ID = name("id");
  private static final byte[] MODEL = name("model");
  private static final byte[] PROVIDER = name("provider");
  private static final byte[] CHOICES = name("choices");
  private static final byte[] USAGE = name("usage");
  private static final byte[] ERROR = name("error");
  private static final byte[] DELTA = name("delta");
  private static final byte[] MESSAGE = name("message");
  private static final byte[] FINISH_REASON = name("finish_reason");
  private static final byte[] CONTENT = name("content");
  private static final byte[] REFUSAL = name("refusal");
  private static final byte[] REASONING = name("reasoning");
  private static final byte[] REASONING_DETAILS = name("reasoning_details");
  private static final byte[] TEXT = name("text");
  private static final byte[] SUMMARY = name("summary");
  private static final byte[] TOOL_CALLS = name("tool_calls");
  private static final byte[] FUNCTION = name("function");
  private static final byte[] ARGUMENTS = name("arguments");
  private static final byte[] PROMPT_TOKENS = name("prompt_tokens");
  private static final byte[] COMPLETION_TOKENS = name("completion_tokens");
  private static final byte[] COST = name("cost");
  private static final byte[] IS_BYOK = name("is_byok");
  private static final byte[] COST_DETAILS = name("cost_details");
  private static final byte[] UPSTREAM_INFERENCE_COST = name("upstream_inference_cost");
  private static final byte[] PROMPT_TOKENS_DETAILS = name("prompt_tokens_details");
  private static final byte[] CACHED_TOKENS = name("cached_tokens");
  private static final byte[] COMPLETION_TOKENS_DETAILS = name("completion_tokens_details");
  private static final byte[] REASONING_TOKENS = name("reasoning_tokens");
  private static final byte[] CODE = name("code");
  private static final byte[] METADATA = name("metadata");
  private static final byte[] RETRY_AFTER_SECONDS = name("retry_after_seconds");
  private static final byte[] PROVIDER_NAME = name("provider_name");

  private void readTopLevel(JsonCursor p) throws IOException {
    if (p.next() != JsonCursor.START_OBJECT) {
      throw new IOException("not a JSON object");
    }
    while (p.next() == JsonCursor.FIELD_NAME) {
      if (p.nameIs(CHOICES)) {
        if (p.next() == JsonCursor.START_ARRAY) {
          readChoices(p);
        } else {
          p.skipChildren();
        }
      } else if (p.nameIs(ID)) {
        id = keepFirstString(p, id);
      } else if (p.nameIs(MODEL)) {
        model = keepFirstString(p, model);
      } else if (p.nameIs(PROVIDER)) {
        provider = keepFirstString(p, provider);
      } else if (p.nameIs(USAGE)) {
        if (p.next() == JsonCursor.START_OBJECT) {
          readUsage(p);
        } else {
          p.skipChildren();
        }
      } else if (p.nameIs(ERROR)) {
        if (p.next() == JsonCursor.START_OBJECT) {
          readError(p);
        } else {
          p.skipChildren(); // "error": null is no error
        }
      } else {
        p.next();
        p.skipChildren();
      }
    }
    p.next(); // EOF, or an IOException for data after the object
  }

  private static String keepFirstString(JsonCursor p, String current) throws IOException {
    int t = p.next();
    if (t != JsonCursor.STRING) {
      p.skipChildren();
      return current;
    }
    return current != null ? current : p.text();
  }

  /** Moves to the next object element of the current array, skipping others; false at its end. */
  private static boolean nextObjectInArray(JsonCursor p) throws IOException {
    while (true) {
      int t = p.next();
      if (t == JsonCursor.START_OBJECT) {
        return true;
      }
      if (t == JsonCursor.END_ARRAY) {
        return false;
      }
      p.skipChildren();
    }
  }

  private void readChoices(JsonCursor p) throws IOException {
    while (nextObjectInArray(p)) {
      while (p.next() == JsonCursor.FIELD_NAME) {
        if (p.nameIs(DELTA) || p.nameIs(MESSAGE)) {
          if (p.next() == JsonCursor.START_OBJECT) {
            readDelta(p);
          } else {
            p.skipChildren();
          }
        } else if (p.nameIs(FINISH_REASON)) {
          if (p.next() == JsonCursor.STRING) {
            finishReason = p.text();
            if ("error".equals(finishReason)) {
              errorEvent = true;
            }
          } else {
            p.skipChildren();
          }
        } else {
          p.next();
          p.skipChildren();
        }
      }
    }
  }

  private void readDelta(JsonCursor p) throws IOException {
    while (p.next() == JsonCursor.FIELD_NAME) {
      if (p.nameIs(CONTENT) || p.nameIs(REFUSAL)) {
        boolean isContent = p.nameIs(CONTENT);
        if (p.next() == JsonCursor.STRING && !p.emptyString()) {
          eventTokens = true;
          eventVisible = true;
          generatedChars += p.charCount();
          if (captureContent && isContent) {
            p.appendText(content);
          }
        }
      } else if (p.nameIs(REASONING)) {
        if (p.next() == JsonCursor.STRING && !p.emptyString()) {
          eventTokens = true;
          generatedChars += p.charCount();
        }
      } else if (p.nameIs(REASONING_DETAILS)) {
        readReasoningDetails(p);
      } else if (p.nameIs(TOOL_CALLS)) {
        readToolCalls(p);
      } else {
        p.next();
        p.skipChildren();
      }
    }
  }

  private void readReasoningDetails(JsonCursor p) throws IOException {
    if (p.next() != JsonCursor.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (nextObjectInArray(p)) {
      while (p.next() == JsonCursor.FIELD_NAME) {
        boolean text = p.nameIs(TEXT) || p.nameIs(SUMMARY);
        if (p.next() == JsonCursor.STRING) {
          if (text && !p.emptyString()) {
            eventTokens = true; // the same text also comes as "reasoning": not counted twice
          }
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private void readToolCalls(JsonCursor p) throws IOException {
    if (p.next() != JsonCursor.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (nextObjectInArray(p)) {
      while (p.next() == JsonCursor.FIELD_NAME) {
        if (p.nameIs(FUNCTION) && p.next() == JsonCursor.START_OBJECT) {
          while (p.next() == JsonCursor.FIELD_NAME) {
            boolean args = p.nameIs(ARGUMENTS);
            if (p.next() == JsonCursor.STRING) {
              if (args && !p.emptyString()) {
                eventTokens = true;
                generatedChars += p.charCount();
              }
            } else {
              p.skipChildren();
            }
          }
        } else {
          if (p.token() == JsonCursor.FIELD_NAME) {
            p.next();
          }
          p.skipChildren();
        }
      }
    }
  }

  private void readUsage(JsonCursor p) throws IOException {
    hasUsage = true;
    while (p.next() == JsonCursor.FIELD_NAME) {
      if (p.nameIs(PROMPT_TOKENS)) {
        promptTokens = intOr(p, promptTokens);
      } else if (p.nameIs(COMPLETION_TOKENS)) {
        completionTokens = intOr(p, completionTokens);
      } else if (p.nameIs(COST)) {
        cost = decimalOr(p, cost);
      } else if (p.nameIs(IS_BYOK)) {
        int t = p.next();
        if (t == JsonCursor.TRUE || t == JsonCursor.FALSE) {
          isByok = t == JsonCursor.TRUE;
        } else {
          p.skipChildren();
        }
      } else if (p.nameIs(COST_DETAILS)) {
        upstreamCost = nestedDecimal(p, UPSTREAM_INFERENCE_COST, upstreamCost);
      } else if (p.nameIs(PROMPT_TOKENS_DETAILS)) {
        cachedTokens = nestedInt(p, CACHED_TOKENS);
      } else if (p.nameIs(COMPLETION_TOKENS_DETAILS)) {
        reasoningTokens = nestedInt(p, REASONING_TOKENS);
      } else {
        p.next();
        p.skipChildren();
      }
    }
  }

  private static int nestedInt(JsonCursor p, byte[] name) throws IOException {
    int value = 0;
    if (p.next() != JsonCursor.START_OBJECT) {
      p.skipChildren();
      return value;
    }
    while (p.next() == JsonCursor.FIELD_NAME) {
      if (p.nameIs(name)) {
        value = intOr(p, value);
      } else {
        p.next();
        p.skipChildren();
      }
    }
    return value;
  }

  private static BigDecimal nestedDecimal(JsonCursor p, byte[] name, BigDecimal fallback)
      throws IOException {
    BigDecimal value = fallback;
    if (p.next() != JsonCursor.START_OBJECT) {
      p.skipChildren();
      return value;
    }
    while (p.next() == JsonCursor.FIELD_NAME) {
      if (p.nameIs(name)) {
        value = decimalOr(p, value);
      } else {
        p.next();
        p.skipChildren();
      }
    }
    return value;
  }

  private static int intOr(JsonCursor p, int fallback) throws IOException {
    if (p.next() == JsonCursor.NUMBER) {
      return p.intValue();
    }
    p.skipChildren();
    return fallback;
  }

  private static BigDecimal decimalOr(JsonCursor p, BigDecimal fallback) throws IOException {
    int t = p.next();
    if (t == JsonCursor.NUMBER || t == JsonCursor.STRING) {
      try {
        return p.decimalValue(); // exactly the digits sent, no binary rounding
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
    p.skipChildren();
    return fallback;
  }

  private void readError(JsonCursor p) throws IOException {
    errorEvent = true;
    while (p.next() == JsonCursor.FIELD_NAME) {
      if (p.nameIs(CODE)) {
        int t = p.next();
        if (t == JsonCursor.NUMBER || t == JsonCursor.STRING) {
          errorCode = p.text();
        } else {
          p.skipChildren();
        }
      } else if (p.nameIs(MESSAGE)) {
        if (p.next() == JsonCursor.STRING) {
          errorMessage = p.text();
        } else {
          p.skipChildren();
        }
      } else if (p.nameIs(METADATA)) {
        readErrorMetadata(p);
      } else {
        p.next();
        p.skipChildren();
      }
    }
  }

  private void readErrorMetadata(JsonCursor p) throws IOException {
    if (p.next() != JsonCursor.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.next() == JsonCursor.FIELD_NAME) {
      if (p.nameIs(RETRY_AFTER_SECONDS)) {
        if (p.next() == JsonCursor.NUMBER) {
          retryAfterSeconds = (long) Math.ceil(p.doubleValue());
        } else {
          p.skipChildren();
        }
      } else if (p.nameIs(PROVIDER_NAME)) {
        if (p.next() == JsonCursor.STRING) {
          if (provider == null) {
            provider = p.text();
          }
        } else {
          p.skipChildren();
        }
      } else {
        p.next();
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
        ? new Usage(
            promptTokens,
            completionTokens,
            reasoningTokens,
            cachedTokens,
            cost,
            isByok,
            upstreamCost)
        : null;
  }

  /** About four characters a token across every generated channel; 0 when nothing came. */
  public int estimatedCompletionTokens() {
    return (int) ((generatedChars + 3) / 4);
  }
}
