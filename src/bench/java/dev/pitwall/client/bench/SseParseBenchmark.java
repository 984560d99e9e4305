package dev.pitwall.client.bench;

import dev.pitwall.client.internal.CompletionAccumulator;
import dev.pitwall.client.internal.SseParser;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse rate of the streaming path on one core: {@value #EVENTS} OpenRouter-shaped chunk events
 * (about 230 bytes each, as on the wire) fed in transport-sized reads. One operation = one event,
 * so the score is events/s; run with {@code -prof gc} for allocation per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SseParseBenchmark {
  static final int EVENTS = 1000;

  /** Bytes per transport read: a small and a full socket buffer. */
  @Param({"1460", "16384"})
  int readSize;

  byte[] stream;

  @Setup
  public void setup() {
    stream = stream(EVENTS).getBytes(StandardCharsets.UTF_8);
  }

  /** A realistic stream: role chunk, content chunks with comments now and then, finish, usage. */
  public static String stream(int events) {
    String head =
        "{\"id\":\"gen-1764460800-AbCdEfGhIjKlMnOpQrSt\",\"provider\":\"Fireworks\","
            + "\"model\":\"meta-llama/llama-3.1-70b-instruct\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1764460800,";
    StringBuilder sb = new StringBuilder(events * 240);
    sb.append("data: ")
        .append(head)
        .append("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},")
        .append("\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}]}\n\n");
    for (int i = 0; i < events - 3; i++) {
      if (i % 50 == 0) {
        sb.append(": OPENROUTER PROCESSING\n\n");
      }
      sb.append("data: ")
          .append(head)
          .append(
              "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\" token")
          .append(i % 10)
          .append(
              "\"},\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}]}\n\n");
    }
    sb.append("data: ")
        .append(head)
        .append(
            "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"stop\"}]}\n\n");
    sb.append("data: ")
        .append(head)
        .append("\"choices\":[],\"usage\":{\"prompt_tokens\":14,\"completion_tokens\":")
        .append(events)
        .append(",\"total_tokens\":")
        .append(events + 14)
        .append(
            ",\"cost\":0.000123,\"is_byok\":false,\"prompt_tokens_details\":{\"cached_tokens\":0},")
        .append("\"completion_tokens_details\":{\"reasoning_tokens\":0}}}\n\n");
    sb.append("data: [DONE]\n\n");
    return sb.toString();
  }

  /** Framing only: lines and events, no JSON. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int sseFraming(Blackhole bh) {
    int[] count = new int[1];
    SseParser p =
        new SseParser(
            (b, off, len) -> {
              count[0]++;
              bh.consume(len);
              return true;
            });
    feed(p);
    return count[0];
  }

  /** Framing, JSON decoding, stamping and usage: what the client does per event. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int decodeAndStamp() {
    CompletionAccumulator acc = new CompletionAccumulator(false);
    SseParser p = new SseParser(acc);
    long t = 0;
    for (int off = 0; off < stream.length; off += readSize) {
      acc.arrival(t++);
      p.feed(stream, off, Math.min(readSize, stream.length - off));
    }
    p.finish();
    return acc.tokenEvents();
  }

  private void feed(SseParser p) {
    for (int off = 0; off < stream.length; off += readSize) {
      p.feed(stream, off, Math.min(readSize, stream.length - off));
    }
    p.finish();
  }
}
