package dev.pitwall.history;

import static dev.pitwall.history.Nights.GPT;
import static dev.pitwall.history.Nights.LLAMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.metrics.Metric;
import dev.pitwall.metrics.MetricResult;
import dev.pitwall.metrics.Phase;
import dev.pitwall.metrics.RunInfo;
import dev.pitwall.metrics.RunMetrics;
import dev.pitwall.metrics.RunResult;
import dev.pitwall.metrics.SeriesResult;
import dev.pitwall.runfolder.RequestsCsvReader;
import dev.pitwall.runfolder.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards of one run merged back: exact histograms, unioned rows, overlaps refused. */
class ShardMergeTest {
  static final Nights.CellSpec GEMINI =
      new Nights.CellSpec(
          "cap/google/gemini", "google/gemini", "Google", 250, 4, 0.05, "0.0000004");
  static final Nights.CellSpec CLAUDE =
      new Nights.CellSpec(
          "cap/anthropic/claude", "anthropic/claude", "Anthropic", 600, 14, 0.05, "0.000015");

  static Nights.Night whole;
  static Map<Integer, long[]> windows;

  @TempDir Path tmp;

  @BeforeAll
  static void oneRun() {
    whole = Nights.night(0, 11, List.of(GPT, LLAMA, GEMINI, CLAUDE));
    windows = new TreeMap<>();
    for (CallRecord r : whole.records()) {
      if (r.phase() == Phase.MEASUREMENT) {
        windows.merge(
            r.iteration(),
            new long[] {r.wallStartEpochMs(), r.wallStartEpochMs() + 1},
            (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      }
    }
  }

  /**
   * A run over some of the records, with inter-chunk gaps derived from each call, recorded the way
   * the runner records them: the same records give the same histograms, whichever run holds them.
   */
  static RunResult runOf(List<CallRecord> records, Map<String, String> settings) {
    RunMetrics metrics = new RunMetrics();
    for (Map.Entry<Integer, long[]> w : windows.entrySet()) {
      for (CallRecord r : records) {
        if (r.iteration() == w.getKey() && r.phase() == Phase.MEASUREMENT) {
          metrics.accept(r);
          long[] gaps = {r.callId() * 1_000_003L % 40_000_000L + 1_000_000L, 2_000_000L};
          metrics.recordGaps(r, gaps, 2);
        }
      }
      metrics.endIteration(w.getValue()[0], w.getValue()[1]);
    }
    RunInfo i = whole.result().info();
    RunInfo info =
        new RunInfo(
            i.suite(),
            i.description(),
            i.target(),
            i.simulated(),
            i.start(),
            i.end(),
            null,
            i.seed(),
            settings,
            i.pitwallVersion(),
            i.javaVersion(),
            i.gitSha());
    return new RunResult(info, metrics.results());
  }

  Path shard(String name, Predicate<CallRecord> cells, String label) throws Exception {
    List<CallRecord> mine = whole.records().stream().filter(cells).toList();
    Map<String, String> settings = new LinkedHashMap<>(Nights.SETTINGS);
    settings.put("shard", label);
    settings.put("limits.requests_per_minute", "30");
    return RunFolders.write(tmp.resolve("shards").resolve(name), runOf(mine, settings), mine);
  }

  static Predicate<CallRecord> cells(Nights.CellSpec... specs) {
    List<String> ids = java.util.Arrays.stream(specs).map(Nights.CellSpec::cellId).toList();
    return r -> ids.contains(r.cellId());
  }

  @Test
  void mergedPercentilesEqualASingleRunOverTheSameCalls() throws Exception {
    Path a = shard("1", cells(GPT, GEMINI), "1/2");
    Path b = shard("2", cells(LLAMA, CLAUDE), "2/2");
    ShardMerge.Merged merged =
        ShardMerge.merge(ShardMerge.findRuns(List.of(tmp.resolve("shards"))), tmp.resolve("out"));

    RunResult single = runOf(whole.records(), Nights.SETTINGS);
    assertThat(merged.result().series()).hasSameSizeAs(single.series()).hasSize(4);
    for (int i = 0; i < single.series().size(); i++) {
      SeriesResult expected = single.series().get(i);
      SeriesResult actual = merged.result().series().get(i);
      assertThat(actual.key()).isEqualTo(expected.key());
      assertThat(actual.outcomes()).isEqualTo(expected.outcomes());
      assertThat(actual.costUsd()).isEqualByComparingTo(expected.costUsd());
      for (Metric m : Metric.values()) {
        MetricResult e = expected.metric(m);
        MetricResult x = actual.metric(m);
        assertThat(x.count()).as("%s %s", actual.key().label(), m).isEqualTo(e.count());
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
          assertThat(x.histogram().getValueAtPercentile(p))
              .as("%s %s p%s", actual.key().label(), m, p)
              .isEqualTo(e.histogram().getValueAtPercentile(p));
        }
        assertThat(x.iterationScores()).containsExactly(e.iterationScores());
      }
    }
    assertThat(merged.result().series().get(0).metric(Metric.ICL).count()).isPositive();

    Path out = merged.dir();
    List<CallRecord> rows = RequestsCsvReader.read(out.resolve("requests.csv")).records();
    assertThat(rows).hasSize(whole.records().size());
    assertThat(rows.stream().map(CallRecord::callId).distinct().count()).isEqualTo(rows.size());
    assertThat(out.resolve("latency.hlog")).isNotEmptyFile();
    assertThat(out.resolve("manifest.json")).isNotEmptyFile();
    assertThat(merged.result().info().settings()).doesNotContainKey("shard");
    assertThat(Compatibility.fingerprint(merged.result().info().settings()))
        .isEqualTo(Compatibility.fingerprint(Nights.SETTINGS));
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void overlappingShardsAreRefusedNamingTheCell() throws Exception {
    Path a = shard("1", cells(GPT, GEMINI), "1/2");
    Path b = shard("2", cells(GEMINI, LLAMA), "2/2");
    assertThatThrownBy(() -> ShardMerge.merge(List.of(a, b), tmp.resolve("out")))
        .isInstanceOf(IncompatibleRunsException.class)
        .hasMessageContaining("cell cap/google/gemini was measured in both");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void shardsOfDifferentSettingsAreRefusedNamingTheSetting() throws Exception {
    Path a = shard("1", cells(GPT), "1/2");
    List<CallRecord> mine = whole.records().stream().filter(cells(LLAMA)).toList();
    Map<String, String> settings = new LinkedHashMap<>(Nights.SETTINGS);
    settings.put("iterations.calls", "3");
    Path b = RunFolders.write(tmp.resolve("other"), runOf(mine, settings), mine);
    assertThatThrownBy(() -> ShardMerge.merge(List.of(a, b), tmp.resolve("out")))
        .hasMessageContaining("iterations.calls: 8 → 3");
  }

  @Test
  void aMissingShardIsNotedAndAShardIsNeverAppendedToHistory() throws Exception {
    Path a = shard("1", cells(GPT), "1/3");
    ShardMerge.Merged merged = ShardMerge.merge(List.of(a), tmp.resolve("out"));
    assertThat(merged.notes()).anyMatch(n -> n.contains("only 1 of 3 shards"));
    History.append(a, RunFolder.read(a).result());
    assertThat(History.fileOf(a)).doesNotExist();
    assertThat(Files.exists(tmp.resolve("out/requests.csv"))).isTrue();
    assertThat(new ArrayList<>(merged.result().series())).hasSize(1);
  }
}
