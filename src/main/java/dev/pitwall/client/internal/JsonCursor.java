package dev.pitwall.client.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A strict pull reader of one JSON value in a byte slice, made for the stream's hot path: it is
 * reset per event instead of created, compares field names as bytes, and gives a string's length or
 * characters without making a String. Malformed input (bad structure, bad escapes, control
 * characters in strings, trailing data) is an {@link IOException}.
 *
 * <p>Measured against Jackson's streaming parser on the same events: see the client package notes.
 * Not thread-safe; one per accumulator.
 */
final class JsonCursor {
  static final int EOF = 0;
  static final int START_OBJECT = 1;
  static final int END_OBJECT = 2;
  static final int START_ARRAY = 3;
  static final int END_ARRAY = 4;
  static final int FIELD_NAME = 5;
  static final int STRING = 6;
  static final int NUMBER = 7;
  static final int TRUE = 8;
  static final int FALSE = 9;
  static final int NULL = 10;

  // what may come next
  private static final int VALUE = 0; // a value (root, after ':' or '[' or ',' in an array)
  private static final int NAME_OR_END = 1; // after '{'
  private static final int NAME = 2; // after ',' in an object
  private static final int COMMA_OR_END = 3; // after a value inside a container
  private static final int VALUE_OR_END = 4; // after '['
  private static final int DONE = 5; // the root value is complete

  /** Bytes that end or escape a string, or may not appear in one. */
  private static final boolean[] SPECIAL_IN_STRING = new boolean[256];

  static {
    for (int c = 0; c < 0x20; c++) {
      SPECIAL_IN_STRING[c] = true;
    }
    SPECIAL_IN_STRING['"'] = true;
    SPECIAL_IN_STRING['\\'] = true;
  }

  private byte[] b;
  private int pos;
  private int end;
  private int expect;
  private boolean[] inObject = new boolean[32];
  private int depth;

  private int token;
  private int start; // string: first byte after the quote; number: first byte
  private int stop; // string: the closing quote; number: one past the last byte
  private boolean escaped;

  void reset(byte[] bytes, int off, int len) {
    b = bytes;
    pos = off;
    end = off + len;
    expect = VALUE;
    depth = 0;
    token = EOF;
  }

  int token() {
    return token;
  }

  int next() throws IOException {
    skipWhitespace();
    if (expect == DONE) {
      if (pos != end) {
        throw error("data after the JSON value");
      }
      return token = EOF;
    }
    if (pos == end) {
      throw error("unexpected end of JSON");
    }
    byte c = b[pos];
    switch (expect) {
      case NAME_OR_END, NAME -> {
        if (c == '}' && expect == NAME_OR_END) {
          pos++;
          return token = close(END_OBJECT);
        }
        if (c != '"') {
          throw error("expected a field name");
        }
        string();
        skipWhitespace();
        if (pos == end || b[pos] != ':') {
          throw error("expected ':'");
        }
        pos++;
        expect = VALUE;
        return token = FIELD_NAME;
      }
      case COMMA_OR_END -> {
        boolean obj = inObject[depth - 1];
        if (c == ',') {
          pos++;
          expect = obj ? NAME : VALUE;
          return next();
        }
        if (c == (obj ? '}' : ']')) {
          pos++;
          return token = close(obj ? END_OBJECT : END_ARRAY);
        }
        throw error("expected ',' or the end of the " + (obj ? "object" : "array"));
      }
      case VALUE_OR_END -> {
        if (c == ']') {
          pos++;
          return token = close(END_ARRAY);
        }
        return token = value(c);
      }
      default -> {
        return token = value(c);
      }
    }
  }

  private int close(int t) {
    depth--;
    expect = depth == 0 ? DONE : COMMA_OR_END;
    return t;
  }

  private int value(byte c) throws IOException {
    switch (c) {
      case '{' -> {
        pos++;
        push(true);
        expect = NAME_OR_END;
        return START_OBJECT;
      }
      case '[' -> {
        pos++;
        push(false);
        expect = VALUE_OR_END;
        return START_ARRAY;
      }
      case '"' -> {
        string();
        afterScalar();
        return STRING;
      }
      case 't' -> {
        literal("true");
        return TRUE;
      }
      case 'f' -> {
        literal("false");
        return FALSE;
      }
      case 'n' -> {
        literal("null");
        return NULL;
      }
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          number();
          afterScalar();
          return NUMBER;
        }
        throw error("unexpected character '" + (char) c + "'");
      }
    }
  }

  private void afterScalar() {
    expect = depth == 0 ? DONE : COMMA_OR_END;
  }

  private void push(boolean object) {
    if (depth == inObject.length) {
      inObject = java.util.Arrays.copyOf(inObject, depth * 2);
    }
    inObject[depth++] = object;
  }

  private void literal(String word) throws IOException {
    int n = word.length();
    if (end - pos < n) {
      throw error("bad literal");
    }
    for (int i = 0; i < n; i++) {
      if (b[pos + i] != word.charAt(i)) {
        throw error("bad literal");
      }
    }
    pos += n;
    afterScalar();
  }

  private void string() throws IOException {
    int i = pos + 1;
    start = i;
    escaped = false;
    while (i < end) {
      byte c = b[i];
      if (!SPECIAL_IN_STRING[c & 0xFF]) {
        i++; // the common byte: one table look-up
        continue;
      }
      if (c == '"') {
        stop = i;
        pos = i + 1;
        return;
      }
      if (c == '\\') {
        escaped = true;
        if (i + 1 >= end) {
          break;
        }
        byte e = b[i + 1];
        if (e == 'u') {
          if (i + 6 > end) {
            break;
          }
          for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(b[k], 16) < 0) {
              throw error("bad \\u escape");
            }
          }
          i += 6;
          continue;
        }
        if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r'
            && e != 't') {
          throw error("bad escape");
        }
        i += 2;
        continue;
      }
      throw error("control character in a string");
    }
    throw error("unterminated string");
  }

  private void number() throws IOException {
    int i = pos;
    start = i;
    if (b[i] == '-') {
      i++;
    }
    int digits = i;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    if (i == digits || (b[digits] == '0' && i - digits > 1)) {
      throw error("bad number");
    }
    if (i < end && b[i] == '.') {
      int f = ++i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == f) {
        throw error("bad number");
      }
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int e = i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == e) {
        throw error("bad number");
      }
    }
    stop = i;
    pos = i;
  }

  private void skipWhitespace() {
    while (pos < end) {
      byte c = b[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  /** Skips the children of the current START_OBJECT or START_ARRAY; other tokens are left. */
  void skipChildren() throws IOException {
    if (token != START_OBJECT && token != START_ARRAY) {
      return;
    }
    int target = depth - 1;
    while (true) {
      int t = next();
      if ((t == END_OBJECT || t == END_ARRAY) && depth == target) {
        return;
      }
    }
  }

  /** The current field name equals {@code ascii} (names with escapes never match). */
  boolean nameIs(byte[] ascii) {
    int n = stop - start;
    if (n != ascii.length || escaped) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (b[start + i] != ascii[i]) {
        return false;
      }
    }
    return true;
  }

  /** The current string is empty. */
  boolean emptyString() {
    return stop == start;
  }

  /** About the number of characters of the current string (escapes count as one). */
  int charCount() {
    int n = 0;
    for (int i = start; i < stop; i++) {
      byte c = b[i];
      if ((c & 0xC0) != 0x80) {
        n++;
      }
      if (c == '\\') {
        i += b[i + 1] == 'u' ? 5 : 1;
      }
    }
    return n;
  }

  /** The current string or number, decoded. */
  String text() {
    if (token == NUMBER || !escaped) {
      return new String(b, start, stop - start, StandardCharsets.UTF_8);
    }
    StringBuilder sb = new StringBuilder(stop - start);
    appendText(sb);
    return sb.toString();
  }

  /** Appends the current string, decoded, to {@code sb}. */
  void appendText(StringBuilder sb) {
    if (!escaped) {
      sb.append(new String(b, start, stop - start, StandardCharsets.UTF_8));
      return;
    }
    int run = start;
    for (int i = start; i < stop; i++) {
      if (b[i] != '\\') {
        continue;
      }
      sb.append(new String(b, run, i - run, StandardCharsets.UTF_8));
      byte e = b[i + 1];
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          sb.append(
              (char) Integer.parseInt(new String(b, i + 2, 4, StandardCharsets.US_ASCII), 16));
          i += 4;
        }
        default -> sb.append((char) e);
      }
      i++;
      run = i + 1;
    }
    sb.append(new String(b, run, stop - run, StandardCharsets.UTF_8));
  }

  /** The current number as an int (a fraction is truncated; out of range saturates). */
  int intValue() {
    long v = 0;
    int i = start;
    boolean neg = b[i] == '-';
    if (neg) {
      i++;
    }
    for (; i < stop && b[i] >= '0' && b[i] <= '9'; i++) {
      v = v * 10 + (b[i] - '0');
      if (v > Integer.MAX_VALUE) {
        return neg ? Integer.MIN_VALUE : Integer.MAX_VALUE;
      }
    }
    if (i < stop && (b[i] == 'e' || b[i] == 'E')) {
      return (int) Double.parseDouble(text());
    }
    return (int) (neg ? -v : v);
  }

  double doubleValue() {
    return Double.parseDouble(text());
  }

  /** The current number or numeric string, exactly as written. */
  BigDecimal decimalValue() {
    return new BigDecimal(text().strip());
  }

  private IOException error(String what) {
    return new IOException(what + " at byte " + pos);
  }
}
