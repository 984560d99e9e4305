package dev.pitwall.bench;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.TokenSource;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of recording one finished attempt into the run's metrics (nine histograms, counters,
 * cost): the work every call adds to the hot path. Run with {@code scripts/bench-jmh.sh Metrics}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetricsBenchmark {
  private RunMetrics metrics;
  private CallRecord[] records;
  private int next;

  @Setup
  public void setUp() {
    metrics = new RunMetrics();
    records = new CallRecord[1024];
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    for (int i = 0; i < records.length; i++) {
      long ttft = 200_000_000L + random.nextLong(300_000_000L);
      long e2e = ttft + random.nextLong(3_000_000_000L);
      records[i] =
          CallRecord.builder()
              .callId(i)
              .iteration(1)
              .cellId("p/m" + (i % 4))
              .promptId("p")
              .model("m" + (i % 4))
              .requestedProvider("auto")
              .servedProvider("Provider" + (i % 3))
              .servedModel("m")
              .generationId("gen-" + i)
              .outcome(Outcome.OK)
              .httpStatus(200)
              .tSchedNs(0)
              .tSendNs(1000)
              .tFirstNs(1000 + ttft)
              .tAnswerNs(1000 + ttft)
              .tLastNs(1000 + e2e)
              .tDoneNs(1000 + e2e)
              .tokenEvents(300)
              .promptTokens(20)
              .completionTokens(300)
              .tokenSource(TokenSource.SERVER)
              .costUsd(new BigDecimal("0.0012"))
              .build();
    }
  }

  @Benchmark
  @Threads(1)
  public void recordOneAttempt() {
    metrics.accept(records[next++ & 1023]);
  }

  @Benchmark
  @Threads(2)
  public void recordOneAttemptTwoThreads() {
    metrics.accept(
        records[(int) (Thread.currentThread().getId() * 7 + System.identityHashCode(this)) & 1023]);
  }
}
