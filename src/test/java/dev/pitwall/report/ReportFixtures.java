package dev.pitwall.report;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Goodput;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.Phase;
import dev.pitwall.metrics.ProviderNames;
import dev.pitwall.metrics.RunInfo;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.TokenSource;
import dev.pitwall.runfolder.SuiteFacts;
import dev.pitwall.suite.Slo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic runs, fed through the real {@link RunMetrics}: four cells like cap-theorem, one
 * warmup and three measurement iterations, some throttling, a server error, and a pinned DeepInfra
 * cell that falls back to Together now and then (outside the allowed providers).
 */
public final class ReportFixtures {
  public static final Instant START = Instant.parse("2026-01-31T12:00:00Z");
  public static final int CALLS = 4;
  public static final int MEASUREMENT = 3;

  private ReportFixtures() {}

  public record Run(List<CallRecord> records, RunResult result, SuiteFacts facts) {}

  private record CellSpec(
      String model, String requested, String served, double ttftMs, double tpotMs, String price) {
    String cellId() {
      return "cap/" + model + (requested == null ? "" : "@" + requested);
    }
  }

  private static final List<CellSpec> CELLS =
      List.of(
          new CellSpec("anthropic/claude-3.5-sonnet", null, "Anthropic", 620, 14, "0.000015"),
          new CellSpec("openai/gpt-4o", null, "OpenAI", 410, 9, "0.000010"),
          new CellSpec(
              "google/gemini-2.0-flash-001", null, "Google AI Studio", 240, 4, "0.0000004"),
          new CellSpec(
              "meta-llama/llama-3.1-70b-instruct", "deepinfra", "DeepInfra", 330, 11, "0.0000004"));

  public static SuiteFacts facts() {
    return new SuiteFacts(
        "sha256:0000",
        1,
        List.of(new Slo("ttft_p95_ms", 500), new Slo("error_rate", 0.10)),
        List.of("anthropic", "openai", "google-ai-studio", "deepinfra"),
        NAMES);
  }

  /** The providers' slugs and display names, as endpoint data gives them. */
  public static final ProviderNames NAMES =
      new ProviderNames(
          Map.of(
              "anthropic", "Anthropic",
              "openai", "OpenAI",
              "google-ai-studio", "Google AI Studio",
              "deepinfra", "DeepInfra",
              "together", "Together"));

  public static RunInfo info(boolean simulated) {
    return new RunInfo(
        "cap-theorem",
        "One question, four providers' flagship models",
        simulated ? "simulator" : "openrouter",
        simulated,
        START,
        START.plusSeconds(120),
        null,
        42L,
        Map.of("load.concurrency", "1", "iterations.measurement", "3", "request.max_tokens", "500"),
        "0.1.0-test",
        "17.0.15",
        "abc1234");
  }

  // Built once: results are immutable and recorders are large (1 h range at 3 digits).
  private static final Run MIXED = run(42L, false, true);
  private static final Run ALL_THROTTLED = run(7L, true, false);

  /** The standard mixed run. */
  public static Run run() {
    return MIXED;
  }

  /** A run whose every attempt was throttled: charts must still render. */
  public static Run allThrottled() {
    return ALL_THROTTLED;
  }

  private static Run run(long seed, boolean allThrottled, boolean simulated) {
    SplittableRandom random = new SplittableRandom(seed);
    SplittableRandom gapRandom = new SplittableRandom(seed + 1); // keeps the attempts as they were
    RunMetrics metrics = new RunMetrics(Goodput.meetsEvery(facts().slos()));
    List<CallRecord> records = new ArrayList<>();
    long clockNs = 0;
    long callId = 0;
    for (int iteration = 0; iteration <= MEASUREMENT; iteration++) {
      Phase phase = iteration == 0 ? Phase.WARMUP : Phase.MEASUREMENT;
      long iterationStartNs = clockNs;
      for (int call = 0; call < CALLS; call++) {
        for (CellSpec cell : CELLS) {
          callId++;
          CallRecord r = attempt(random, cell, callId, iteration, phase, clockNs, allThrottled);
          records.add(r);
          metrics.accept(r);
          recordGaps(gapRandom, metrics, r);
          clockNs =
              (r.tDoneNs() == CallRecord.NONE ? r.tSendNs() + 50_000_000L : r.tDoneNs())
                  + 100_000_000L;
        }
      }
      if (phase == Phase.MEASUREMENT) {
        metrics.endIteration(epochMs(iterationStartNs), epochMs(clockNs));
      }
    }
    RunResult result = new RunResult(info(simulated), metrics.results());
    return new Run(List.copyOf(records), result, facts());
  }

  /** Inter-chunk gaps of a successful attempt: its token events, spread over t_first..t_last. */
  private static void recordGaps(SplittableRandom random, RunMetrics metrics, CallRecord r) {
    if (!r.outcome().isSuccess() || r.tokenEvents() < 2) {
      return;
    }
    long[] gaps = new long[r.tokenEvents() - 1];
    long mean = (r.tLastNs() - r.tFirstNs()) / gaps.length;
    for (int i = 0; i < gaps.length; i++) {
      gaps[i] = mean / 2 + random.nextLong(mean);
    }
    metrics.recordGaps(r, gaps, gaps.length);
  }

  public static long epochMs(long runNs) {
    return START.toEpochMilli() + runNs / 1_000_000L;
  }

  private static CallRecord attempt(
      SplittableRandom random,
      CellSpec cell,
      long callId,
      int iteration,
      Phase phase,
      long schedNs,
      boolean allThrottled) {
    long sendNs = schedNs + 150_000 + random.nextLong(100_000);
    boolean throttled = allThrottled || (cell.served().equals("OpenAI") && random.nextInt(6) == 0);
    boolean serverError =
        !throttled && cell.served().equals("Anthropic") && random.nextInt(10) == 0;
    String served = cell.served();
    if (cell.requested() != null && random.nextInt(4) == 0) {
      served = "Together";
    }
    if (throttled || serverError) {
      long doneNs = sendNs + 20_000_000L + random.nextLong(5_000_000L);
      return CallRecord.builder()
          .callId(callId)
          .iteration(iteration)
          .phase(phase)
          .cellId(cell.cellId())
          .promptId("cap")
          .model(cell.model())
          .requestedProvider(cell.requested())
          .servedProvider(throttled ? null : served)
          .outcome(throttled ? Outcome.THROTTLED : Outcome.SERVER_ERROR)
          .httpStatus(throttled ? 429 : 502)
          .errorCode(throttled ? "429" : "502")
          .errorMessage(
              throttled ? "Rate limit exceeded, \"slow down\"" : "upstream error,\nretry later")
          .wallStartEpochMs(epochMs(sendNs))
          .tSchedNs(schedNs)
          .tSendNs(sendNs)
          .tDoneNs(doneNs)
          .promptTokens(14)
          .nonce("n" + callId)
          .build();
    }
    long ttftNs = (long) ((cell.ttftMs() * (0.8 + 0.4 * random.nextDouble())) * 1e6);
    if (random.nextInt(20) == 0) {
      ttftNs *= 3; // a tail
    }
    int tokens = 200 + random.nextInt(300);
    long tpotNs = (long) (cell.tpotMs() * (0.9 + 0.2 * random.nextDouble()) * 1e6);
    long firstNs = sendNs + ttftNs;
    long lastNs = firstNs + tpotNs * (tokens - 1);
    BigDecimal cost = new BigDecimal(cell.price()).multiply(BigDecimal.valueOf(tokens));
    return CallRecord.builder()
        .callId(callId)
        .iteration(iteration)
        .phase(phase)
        .cellId(cell.cellId())
        .promptId("cap")
        .model(cell.model())
        .requestedProvider(cell.requested())
        .servedProvider(served)
        .servedModel(cell.model())
        .generationId("gen-" + callId)
        .outcome(Outcome.OK)
        .httpStatus(200)
        .wallStartEpochMs(epochMs(sendNs))
        .tSchedNs(schedNs)
        .tSendNs(sendNs)
        .tFirstNs(firstNs)
        .tAnswerNs(firstNs)
        .tLastNs(lastNs)
        .tDoneNs(lastNs + 1_000_000L)
        .tokenEvents(tokens / 8)
        .promptTokens(14)
        .completionTokens(tokens)
        .tokenSource(TokenSource.SERVER)
        .costUsd(cost)
        .nonce("n" + callId)
        .build();
  }
}
