package dev.pitwall.history;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Outcome;
import dev.pitwall.metrics.Phase;
import dev.pitwall.metrics.RunInfo;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.TokenSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic nights of a two-cell suite, fed through the real {@link RunMetrics}: per call a
 * TTFT and a TPOT drawn around the cell's figures (±20 %), token counts 150–250, a price per output
 * token, and failures at a given rate. Cells are pinned, so a failure (which names no serving
 * provider) is filed under its cell's series. Tweaks model what a nightly run must catch: a
 * slowdown, an error burst, a price change.
 */
final class Nights {
  static final Instant FIRST = Instant.parse("2026-11-01T02:00:00Z");
  static final int WARMUP = 1;
  static final int MEASUREMENT = 6;
  static final int CALLS = 8;
  static final DateTimeFormatter FOLDER =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** One cell as the night sees it. */
  record CellSpec(
      String cellId,
      String model,
      String served,
      double ttftMs,
      double tpotMs,
      double errorRate,
      String pricePerToken) {
    CellSpec slower(double factor) {
      return new CellSpec(cellId, model, served, ttftMs * factor, tpotMs, errorRate, pricePerToken);
    }

    CellSpec failing(double rate) {
      return new CellSpec(cellId, model, served, ttftMs, tpotMs, rate, pricePerToken);
    }

    CellSpec priced(String price) {
      return new CellSpec(cellId, model, served, ttftMs, tpotMs, errorRate, price);
    }
  }

  static final CellSpec GPT =
      new CellSpec("cap/openai/gpt-4o", "openai/gpt-4o", "OpenAI", 400, 9, 0.02, "0.00001");
  static final CellSpec LLAMA =
      new CellSpec(
          "cap/meta-llama/llama-3.1-70b-instruct",
          "meta-llama/llama-3.1-70b-instruct",
          "DeepInfra",
          300,
          11,
          0.02,
          "0.0000004");

  static final Map<String, String> SETTINGS =
      Map.of(
          "suite", "cap-theorem",
          "source", "benchmarks/cap-theorem.yaml",
          "models", "openai/gpt-4o,meta-llama/llama-3.1-70b-instruct",
          "iterations.measurement", "6",
          "iterations.calls", "8",
          "limits.requests_per_minute", "60");

  record Night(RunResult result, List<CallRecord> records, String runId) {
    RunFigures figures() {
      return RunFigures.of(runId, result, records);
    }
  }

  private Nights() {}

  static Night night(int day, long seed, List<CellSpec> cells) {
    return night(day, seed, cells, SETTINGS, "simulator", null);
  }

  static Night night(
      int day,
      long seed,
      List<CellSpec> cells,
      Map<String, String> settings,
      String target,
      String partialReason) {
    return night(day, seed, cells, settings, target, partialReason, false);
  }

  /** With {@code freeRouting} no cell names a provider: a failure's series is "unknown". */
  static Night night(
      int day,
      long seed,
      List<CellSpec> cells,
      Map<String, String> settings,
      String target,
      String partialReason,
      boolean freeRouting) {
    Instant start = FIRST.plus(Duration.ofDays(day));
    SplittableRandom random = new SplittableRandom(seed);
    RunMetrics metrics = new RunMetrics();
    List<CallRecord> records = new ArrayList<>();
    long clockNs = 0;
    long callId = 0;
    for (int iteration = 1; iteration <= WARMUP + MEASUREMENT; iteration++) {
      Phase phase = iteration <= WARMUP ? Phase.WARMUP : Phase.MEASUREMENT;
      long iterationStart = clockNs;
      for (int call = 0; call < CALLS; call++) {
        for (CellSpec cell : cells) {
          CallRecord r = call(random, cell, ++callId, iteration, phase, clockNs, start);
          if (freeRouting) {
            r = unpinned(r);
          }
          records.add(r);
          metrics.accept(r);
          clockNs = r.tDoneNs() + 10_000_000L;
        }
      }
      if (phase == Phase.MEASUREMENT) {
        metrics.endIteration(epochMs(start, iterationStart), epochMs(start, clockNs));
      }
    }
    RunInfo info =
        new RunInfo(
            settings.getOrDefault("suite", "cap-theorem"),
            "",
            target,
            target.equals("simulator"),
            start,
            start.plusNanos(clockNs),
            partialReason,
            seed,
            settings,
            "0.1.0-test",
            "17",
            "abc1234");
    return new Night(new RunResult(info, metrics.results()), records, FOLDER.format(start));
  }

  static long epochMs(Instant start, long ns) {
    return start.toEpochMilli() + ns / 1_000_000L;
  }

  static CallRecord call(
      SplittableRandom random,
      CellSpec cell,
      long callId,
      int iteration,
      Phase phase,
      long schedNs,
      Instant start) {
    long sendNs = schedNs + 100_000;
    boolean failed = random.nextDouble() < cell.errorRate();
    if (failed) {
      return record(
          callId,
          iteration,
          phase,
          cell,
          Outcome.SERVER_ERROR,
          502,
          sendNs,
          CallRecord.NONE,
          CallRecord.NONE,
          sendNs + 30_000_000L,
          0,
          null,
          start);
    }
    long ttftNs = (long) (cell.ttftMs() * (0.8 + 0.4 * random.nextDouble()) * 1e6);
    int tokens = 150 + random.nextInt(101);
    long tpotNs = (long) (cell.tpotMs() * (0.8 + 0.4 * random.nextDouble()) * 1e6);
    long firstNs = sendNs + ttftNs;
    long lastNs = firstNs + tpotNs * (tokens - 1);
    BigDecimal cost = new BigDecimal(cell.pricePerToken()).multiply(BigDecimal.valueOf(tokens));
    return record(
        callId,
        iteration,
        phase,
        cell,
        Outcome.OK,
        200,
        sendNs,
        firstNs,
        lastNs,
        lastNs + 1_000_000L,
        tokens,
        cost,
        start);
  }

  private static CallRecord record(
      long callId,
      int iteration,
      Phase phase,
      CellSpec cell,
      Outcome outcome,
      int status,
      long sendNs,
      long firstNs,
      long lastNs,
      long doneNs,
      int tokens,
      BigDecimal cost,
      Instant start) {
    return CallRecord.builder()
        .callId(callId)
        .iteration(iteration)
        .phase(phase)
        .cellId(cell.cellId())
        .promptId("cap")
        .model(cell.model())
        .requestedProvider(cell.served().toLowerCase(java.util.Locale.ROOT))
        .servedProvider(outcome.isSuccess() ? cell.served() : null)
        .servedModel(cell.model())
        .generationId("gen-" + callId)
        .outcome(outcome)
        .httpStatus(status)
        .errorCode(outcome.isSuccess() ? null : Integer.toString(status))
        .errorMessage(outcome.isSuccess() ? null : "upstream error")
        .wallStartEpochMs(epochMs(start, sendNs))
        .tSchedNs(sendNs - 100_000)
        .tSendNs(sendNs)
        .tFirstNs(firstNs)
        .tAnswerNs(firstNs)
        .tLastNs(lastNs)
        .tDoneNs(doneNs)
        .tokenEvents(tokens / 4)
        .promptTokens(20)
        .completionTokens(tokens)
        .tokenSource(tokens > 0 ? TokenSource.SERVER : TokenSource.NONE)
        .costUsd(cost)
        .build();
  }

  private static CallRecord unpinned(CallRecord r) {
    return r.withRequestedProvider(null);
  }

  static Map<String, String> settingsWith(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(SETTINGS);
    m.put(key, value);
    return m;
  }
}
