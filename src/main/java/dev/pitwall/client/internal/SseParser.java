package dev.pitwall.client.internal;

import java.util.Arrays;

/**
 * Splits a server-sent-events byte stream into events, working on the caller's read buffer.
 *
 * <p>Lines end in LF, CRLF or a lone CR, and a line may be split across reads at any byte. Only
 * {@code data:} fields matter here; comments ({@code :...}) and other fields are skipped. An event
 * is dispatched at the blank line that ends it; its data lines are joined with {@code \n}. In the
 * common case (one data line inside one read) the listener gets a slice of the caller's buffer and
 * nothing is copied; a line split across reads, or a multi-line event, is assembled in a reused
 * buffer. Nothing is allocated per byte or per event once the buffers have grown.
 *
 * <p>At end of input, an event whose lines were all complete is dispatched even without the blank
 * line; an unterminated last line is dropped as truncated (see {@link #finish}).
 *
 * <p>Not thread-safe: one parser per response.
 */
public final class SseParser {

  /** Receives each event's data; returns false to stop parsing (e.g. after {@code [DONE]}). */
  @FunctionalInterface
  public interface Listener {
    boolean onEvent(byte[] buf, int off, int len);
  }

  private static final byte[] NEWLINE = {'\n'};

  private final Listener listener;

  /** A line split across reads, kept until its end arrives. */
  private byte[] partial = new byte[512];

  private int partialLen;
  private boolean lastWasCr;

  /** Data of the pending event when it cannot be referenced in the caller's buffer. */
  private byte[] data = new byte[1024];

  private int dataLen;
  private boolean hasData;

  /** Zero-copy reference to a pending single-line event inside the current input buffer. */
  private byte[] refBuf;

  private int refOff;
  private int refLen;
  private boolean stopped;

  public SseParser(Listener listener) {
    this.listener = listener;
  }

  /** True once the listener asked to stop; further input is ignored. */
  public boolean stopped() {
    return stopped;
  }

  /**
   * Parses {@code len} bytes at {@code off}. The buffer may be reused by the caller after this
   * returns: anything still pending is copied out.
   *
   * @return false once the listener has asked to stop
   */
  public boolean feed(byte[] buf, int off, int len) {
    int end = off + len;
    int i = off;
    if (lastWasCr && i < end) {
      lastWasCr = false;
      if (buf[i] == '\n') {
        i++;
      }
    }
    int lineStart = i;
    while (i < end && !stopped) {
      byte b = buf[i];
      if (b == '\n' || b == '\r') {
        if (partialLen > 0) {
          appendPartial(buf, lineStart, i - lineStart);
          line(partial, 0, partialLen, false);
          partialLen = 0;
        } else {
          line(buf, lineStart, i - lineStart, true);
        }
        i++;
        if (b == '\r') {
          if (i == end) {
            lastWasCr = true;
          } else if (buf[i] == '\n') {
            i++;
          }
        }
        lineStart = i;
      } else {
        i++;
      }
    }
    if (!stopped && lineStart < end) {
      appendPartial(buf, lineStart, end - lineStart);
    }
    if (refBuf != null) {
      copyRefToData();
    }
    return !stopped;
  }

  /**
   * Ends the input: dispatches a pending event whose lines were complete.
   *
   * @return true if an unterminated last line was dropped (the stream was cut mid-line)
   */
  public boolean finish() {
    boolean truncated = partialLen > 0 && !stopped;
    partialLen = 0;
    if (!stopped && hasData) {
      dispatch();
    }
    return truncated;
  }

  private void line(byte[] b, int off, int len, boolean inInput) {
    if (len == 0) {
      if (hasData) {
        dispatch();
      }
      return;
    }
    if (b[off] == ':' || len < 4) {
      return; // comment, or too short to be a data field
    }
    if (b[off] != 'd' || b[off + 1] != 'a' || b[off + 2] != 't' || b[off + 3] != 'a') {
      return; // event:, id:, retry: and unknown fields carry nothing we measure
    }
    int v = off + 4;
    int end = off + len;
    if (v < end) {
      if (b[v] != ':') {
        return; // a field named "data..." but longer, e.g. "datax"
      }
      v++;
      if (v < end && b[v] == ' ') {
        v++;
      }
    }
    int vLen = end - v;
    if (!hasData) {
      hasData = true;
      if (inInput) {
        refBuf = b;
        refOff = v;
        refLen = vLen;
      } else {
        dataLen = 0;
        appendData(b, v, vLen);
      }
    } else {
      if (refBuf != null) {
        copyRefToData();
      }
      appendData(NEWLINE, 0, 1);
      appendData(b, v, vLen);
    }
  }

  private void dispatch() {
    boolean go;
    if (refBuf != null) {
      go = listener.onEvent(refBuf, refOff, refLen);
      refBuf = null;
    } else {
      go = listener.onEvent(data, 0, dataLen);
    }
    hasData = false;
    dataLen = 0;
    stopped = !go;
  }

  private void copyRefToData() {
    dataLen = 0;
    appendData(refBuf, refOff, refLen);
    refBuf = null;
  }

  private void appendData(byte[] b, int off, int len) {
    if (dataLen + len > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, dataLen + len));
    }
    System.arraycopy(b, off, data, dataLen, len);
    dataLen += len;
  }

  private void appendPartial(byte[] b, int off, int len) {
    if (partialLen + len > partial.length) {
      partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLen + len));
    }
    System.arraycopy(b, off, partial, partialLen, len);
    partialLen += len;
  }
}
