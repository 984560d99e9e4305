package dev.pitwall.bench;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.Phase;
import dev.pitwall.metrics.TokenSource;
import dev.pitwall.report.ReportContext;
import dev.pitwall.report.Reports;
import dev.pitwall.runfolder.RequestsCsvWriter;
import dev.pitwall.runfolder.RunFolder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * How much heap {@code pitwall report} needs for a long run (issue 23): writes a synthetic
 * requests.csv of N attempts (4 models × 3 providers, 10 iterations, 2 % errors), then rebuilds and
 * reports it in this JVM, printing the time and the peak heap in use while reporting. Run it with a
 * small heap to show the report streams: {@code scripts/bench-report.sh 1000000} (-Xmx256m).
 *
 * <p>Usage: {@code ReportScale CALLS [DIR]}.
 */
public final class ReportScale {
  private static final String[] MODELS = {
    "anthropic/claude-3.5-sonnet",
    "openai/gpt-4o",
    "google/gemini-2.0-flash-001",
    "meta-llama/llama-3.1-70b-instruct"
  };
  private static final String[] PROVIDERS = {"Alpha", "Beta Cloud", "Gamma AI"};

  private ReportScale() {}

  public static void main(String[] args) throws Exception {
    long calls = Long.parseLong(args[0]);
    Path dir =
        args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("pitwall-report-scale");
    Files.createDirectories(dir);
    long genStart = System.nanoTime();
    write(dir.resolve("requests.csv"), calls);
    System.out.printf(
        "wrote %,d rows (%,d MB) in %.1f s%n",
        calls, Files.size(dir.resolve("requests.csv")) >> 20, (System.nanoTime() - genStart) / 1e9);

    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    ReportContext ctx = ReportContext.of(RunFolder.rebuild(dir));
    Reports.writeAll(ctx);
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long measured = ctx.cells().stream().mapToLong(c -> c.outcomes().total()).sum();
    System.out.printf(
        "report of %,d attempts (%,d measured, %d cells, %d series): %.1f s, peak heap %d MB"
            + " (sum of the heap pools' peaks) of max %d MB%n",
        ctx.sample().seen(),
        measured,
        ctx.cells().size(),
        ctx.result().series().size(),
        seconds,
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.println(dir);
  }

  /** N attempts, streamed to the file: the generator holds none of them either. */
  private static void write(Path file, long calls) throws Exception {
    SplittableRandom random = new SplittableRandom(23);
    long epoch = 1_800_000_000_000L;
    int iterations = 10;
    try (RequestsCsvWriter csv = RequestsCsvWriter.open(file)) {
      for (long id = 1; id <= calls; id++) {
        int iteration = 1 + (int) ((id - 1) * iterations / calls);
        String model = MODELS[(int) (id % MODELS.length)];
        String provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
        long schedNs = id * 1_000_000L; // 1,000 attempts a second
        long sendNs = schedNs + 100_000;
        boolean ok = random.nextInt(50) != 0;
        CallRecord.Builder b =
            CallRecord.builder()
                .callId(id)
                .iteration(iteration)
                .phase(iteration == 1 ? Phase.WARMUP : Phase.MEASUREMENT)
                .cellId("p/" + model)
                .promptId("p")
                .model(model)
                .requestedProvider("auto")
                .servedProvider(provider)
                .wallStartEpochMs(epoch + sendNs / 1_000_000L)
                .tSchedNs(schedNs)
                .tSendNs(sendNs)
                .promptTokens(20);
        if (ok) {
          long ttft = (200 + random.nextInt(800)) * 1_000_000L;
          int tokens = 100 + random.nextInt(400);
          long last = sendNs + ttft + tokens * (5 + random.nextInt(20)) * 1_000_000L;
          b.servedModel(model)
              .generationId("gen-" + id)
              .outcome(Outcome.OK)
              .httpStatus(200)
              .tFirstNs(sendNs + ttft)
              .tAnswerNs(sendNs + ttft)
              .tLastNs(last)
              .tDoneNs(last + 1_000_000L)
              .tokenEvents(tokens)
              .completionTokens(tokens)
              .tokenSource(TokenSource.SERVER)
              .costUsd(BigDecimal.valueOf(tokens * 10L, 6));
        } else {
          b.outcome(Outcome.SERVER_ERROR)
              .httpStatus(502)
              .errorCode("502")
              .errorMessage("upstream error")
              .tDoneNs(sendNs + 20_000_000L);
        }
        csv.accept(b.build());
      }
    }
  }
}
