package dev.pitwall.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.client.ApiKey;
import dev.pitwall.metrics.Outcome;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a non-2xx response into an {@link Outcome}, an error code and a short message
 * (docs/metrics.md, Outcomes). Reads OpenRouter's envelope {@code {"error": {"code", "message",
 * "metadata": {provider_name, retry_after_seconds, raw}}}}, plain-text and HTML error pages (a
 * proxy's 502/524 page), and the {@code Retry-After} header in seconds or as an HTTP-date. The key
 * is redacted from whatever the server echoed.
 */
public final class ErrorClassifier {
  private static final Pattern TITLE =
      Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final Clock clock;
  private final ApiKey key;

  /**
   * @param clock wall clock, only for {@code Retry-After} HTTP-dates
   * @param key redacted from messages; may be null
   */
  public ErrorClassifier(Clock clock, ApiKey key) {
    this.clock = clock;
    this.key = key;
  }

  /**
   * The error code of a 403 whose metadata flags the input ({@code reasons}, {@code
   * flagged_input}): OpenRouter's moderation refused this prompt, the key itself is fine.
   */
  public static final String MODERATION = "moderation";

  /** What a failed response means. {@code retryAfterNanos} is -1 when none was asked for. */
  public record Classified(Outcome outcome, String code, String message, long retryAfterNanos) {}

  /** The outcome for a status alone. 408 and 524 are timeouts, whichever side reports them. */
  public static Outcome outcomeOf(int status) {
    if (status >= 200 && status < 300) {
      return Outcome.OK;
    }
    return switch (status) {
      case 429 -> Outcome.THROTTLED;
      case 408, 524 -> Outcome.TIMEOUT;
      default -> status >= 500 ? Outcome.SERVER_ERROR : Outcome.CLIENT_ERROR;
    };
  }

  public Classified classify(
      int status, String contentType, String retryAfterHeader, byte[] body, int bodyLen) {
    String text = new String(body, 0, bodyLen, StandardCharsets.UTF_8);
    String code = String.valueOf(status);
    String message = null;
    long retryAfterSeconds = -1;
    String trimmed = text.strip();
    if (trimmed.startsWith("{")) {
      try {
        JsonNode root = ChatRequestEncoder.MAPPER.readTree(trimmed);
        JsonNode err = root.path("error");
        if (err.isObject()) {
          if (err.hasNonNull("code")) {
            code = err.get("code").asText();
          }
          message = err.path("message").asText(null);
          JsonNode meta = err.path("metadata");
          if (status == 403 && (meta.has("reasons") || meta.has("flagged_input"))) {
            code = MODERATION; // the prompt was flagged: not a key problem (docs/metrics.md)
          }
          if (meta.path("retry_after_seconds").isNumber()) {
            retryAfterSeconds = (long) Math.ceil(meta.get("retry_after_seconds").asDouble());
          }
          String provider = meta.path("provider_name").asText(null);
          if (provider != null && message != null) {
            message = message + " (provider " + provider + ")";
          }
          String raw = meta.path("raw").isTextual() ? meta.get("raw").asText() : null;
          if (raw != null && message != null && !message.contains(raw)) {
            message = message + ": " + raw;
          }
        } else if (err.isTextual()) {
          message = err.asText();
        } else if (root.path("message").isTextual()) {
          message = root.get("message").asText();
        }
      } catch (java.io.IOException e) {
        message = null; // not JSON after all: fall through to the text form
      }
    }
    if (message == null) {
      boolean html =
          (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html"))
              || trimmed.regionMatches(true, 0, "<!doctype html", 0, 14)
              || trimmed.regionMatches(true, 0, "<html", 0, 5);
      if (html) {
        Matcher m = TITLE.matcher(trimmed);
        message = "HTML error page" + (m.find() ? ": " + m.group(1).strip() : "");
      } else {
        message = trimmed.isEmpty() ? "HTTP " + status + " with an empty body" : trimmed;
      }
    }
    long retryAfter = parseRetryAfter(retryAfterHeader);
    if (retryAfter < 0 && retryAfterSeconds >= 0) {
      retryAfter = Duration.ofSeconds(retryAfterSeconds).toNanos();
    }
    return new Classified(outcomeOf(status), code, shorten(redact(message)), retryAfter);
  }

  /**
   * {@code Retry-After} as nanoseconds to wait, as RFC 9110 §10.2.3 defines it: delay-seconds (a
   * fraction is tolerated, as some servers send one) or an HTTP-date in any of its three forms (a
   * date in the past means now). A value too large for a {@code long} saturates, so a ceiling still
   * refuses it; a negative or unparseable value is ignored (-1), as the RFC asks of an invalid
   * field.
   */
  public long parseRetryAfter(String value) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    String v = value.strip();
    if (DELAY_SECONDS.matcher(v).matches()) {
      BigDecimal nanos = new BigDecimal(v).movePointRight(9);
      return nanos.compareTo(MAX_NANOS) >= 0 ? Long.MAX_VALUE : nanos.longValue();
    }
    for (DateTimeFormatter format : HTTP_DATES) {
      try {
        long ms = ZonedDateTime.parse(v, format).toInstant().toEpochMilli() - clock.millis();
        return Math.max(0, ms) * 1_000_000L;
      } catch (DateTimeParseException | ArithmeticException e) {
        // try the next form
      }
    }
    return -1;
  }

  private static final Pattern DELAY_SECONDS = Pattern.compile("\\d+(\\.\\d+)?");
  private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

  /** IMF-fixdate, then the obsolete RFC 850 and asctime forms recipients must still accept. */
  private static final List<DateTimeFormatter> HTTP_DATES =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          new DateTimeFormatterBuilder()
              .appendPattern("EEEE, dd-MMM-")
              .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
              .appendPattern(" HH:mm:ss 'GMT'")
              .toFormatter(Locale.US)
              .withZone(ZoneOffset.UTC),
          DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US)
              .withZone(ZoneOffset.UTC));

  public String redact(String s) {
    return key == null ? s : key.redact(s);
  }

  static String shorten(String s) {
    return s == null ? null : CompletionAccumulator.snippet(s);
  }
}
