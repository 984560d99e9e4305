package dev.pitwall.history;

import static dev.pitwall.history.Nights.GPT;
import static dev.pitwall.history.Nights.LLAMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Simulated nights: injected slowdowns, error bursts and price changes are flagged; noise is not.
 */
class CompareTest {
  static List<RunFigures> quietNights;

  @BeforeAll
  static void baseline() {
    quietNights =
        IntStream.range(0, 5)
            .mapToObj(d -> Nights.night(d, 100 + d, List.of(GPT, LLAMA)).figures())
            .toList();
  }

  static CompareResult againstTrailing(RunFigures tonight) {
    List<String> notes = new ArrayList<>();
    List<RunFigures> base =
        Comparer.trailing(quietNights, tonight.run(), 5, Comparer.SettingsLookup.NONE, notes);
    return Comparer.compare(
        tonight, base, CompareOptions.defaults(), Comparer.SettingsLookup.NONE, notes);
  }

  static List<String> flagged(CompareResult r, Verdict v) {
    return r.rows().stream()
        .filter(c -> c.verdict() == v)
        .map(c -> c.series().model() + ":" + c.measure().id())
        .toList();
  }

  @Test
  void nightsWithOnlyNoiseAreNotFlagged() {
    for (int seed = 0; seed < 8; seed++) {
      CompareResult r =
          againstTrailing(Nights.night(10, 900 + seed, List.of(GPT, LLAMA)).figures());
      assertThat(r.baseline()).hasSize(5);
      assertThat(flagged(r, Verdict.REGRESSED)).as("seed %d", seed).isEmpty();
      assertThat(flagged(r, Verdict.IMPROVED)).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void aSlowerFirstTokenIsARegressionOfThatCellOnly() {
    CompareResult r =
        againstTrailing(Nights.night(10, 77, List.of(GPT.slower(1.5), LLAMA)).figures());
    assertThat(flagged(r, Verdict.REGRESSED))
        .contains("openai/gpt-4o:ttft", "openai/gpt-4o:ttfa")
        .noneMatch(s -> s.startsWith("meta-llama"));
    Comparison ttft =
        r.regressions().stream().filter(c -> c.measure() == Measure.TTFT).findFirst().orElseThrow();
    assertThat(ttft.relativeDifference()).isBetween(0.4, 0.6);
    assertThat(ttft.pValue()).isLessThan(0.01);
    assertThat(r.regressed()).isTrue();
  }

  @Test
  void anErrorBurstIsARegressionOfTheErrorRate() {
    CompareResult r =
        againstTrailing(Nights.night(10, 78, List.of(GPT, LLAMA.failing(0.35))).figures());
    assertThat(flagged(r, Verdict.REGRESSED))
        .containsExactly("meta-llama/llama-3.1-70b-instruct:error_rate");
  }

  @Test
  void aPriceRiseIsARegressionOfTheCostPerCall() {
    CompareResult r =
        againstTrailing(Nights.night(10, 79, List.of(GPT.priced("0.0000125"), LLAMA)).figures());
    assertThat(flagged(r, Verdict.REGRESSED))
        .containsExactlyInAnyOrder("openai/gpt-4o:cost_per_call", "openai/gpt-4o:cost_per_mtok");
  }

  @Test
  void aFasterProviderIsAnImprovement() {
    CompareResult r =
        againstTrailing(Nights.night(10, 80, List.of(GPT, LLAMA.slower(0.6))).figures());
    assertThat(flagged(r, Verdict.IMPROVED)).contains("meta-llama/llama-3.1-70b-instruct:ttft");
    assertThat(r.regressed()).isFalse();
  }

  @Test
  void aNewCellIsNewAndADroppedOneMissing() {
    Nights.CellSpec other =
        new Nights.CellSpec("cap/google/gemini", "google/gemini", "Google", 250, 4, 0, "0.0000004");
    CompareResult r = againstTrailing(Nights.night(10, 81, List.of(GPT, other)).figures());
    assertThat(flagged(r, Verdict.NEW)).contains("google/gemini:ttft");
    assertThat(flagged(r, Verdict.MISSING)).contains("meta-llama/llama-3.1-70b-instruct:ttft");
    assertThat(r.regressed()).isFalse();
  }

  @Test
  void aThresholdAboveTheChangeKeepsItUnchanged() {
    RunFigures tonight = Nights.night(10, 77, List.of(GPT.slower(1.5), LLAMA)).figures();
    CompareOptions lenient =
        CompareOptions.defaults()
            .withThreshold(Measure.TTFT, Threshold.parse("80%"))
            .withThreshold(Measure.TTFA, Threshold.parse("80%"))
            .withThreshold(Measure.E2E, Threshold.parse("80%"))
            .withThreshold(Measure.TTFT_SCHEDULED, Threshold.parse("80%"))
            .withThreshold(Measure.E2E_SCHEDULED, Threshold.parse("80%"));
    CompareResult r =
        Comparer.compare(tonight, quietNights, lenient, Comparer.SettingsLookup.NONE, List.of());
    assertThat(r.regressed()).isFalse();
  }

  @Test
  void runsOfAnotherSuiteOrSettingsAreRefusedWithTheDifferenceNamed() {
    RunFigures other =
        Nights.night(10, 5, List.of(GPT), Nights.settingsWith("suite", "other"), "simulator", null)
            .figures();
    assertThatThrownBy(
            () ->
                Comparer.compare(
                    other,
                    quietNights,
                    CompareOptions.defaults(),
                    Comparer.SettingsLookup.NONE,
                    List.of()))
        .isInstanceOf(IncompatibleRunsException.class)
        .hasMessageContaining("different suites (other vs cap-theorem)");

    var tokensNight =
        Nights.night(
            10,
            5,
            List.of(GPT),
            Nights.settingsWith("model.gpt-4o.max_tokens", "900"),
            "simulator",
            null);
    var quiet = Nights.night(0, 100, List.of(GPT, LLAMA));
    Comparer.SettingsLookup lookup =
        stamp ->
            java.util.Optional.of(
                stamp.runId().equals(tokensNight.runId())
                    ? tokensNight.result().info().settings()
                    : quiet.result().info().settings());
    assertThatThrownBy(
            () ->
                Comparer.compare(
                    tokensNight.figures(),
                    List.of(quiet.figures()),
                    CompareOptions.defaults(),
                    lookup,
                    List.of()))
        .hasMessageContaining("model.gpt-4o.max_tokens: (unset) → 900");

    RunFigures real =
        Nights.night(10, 5, List.of(GPT), Nights.SETTINGS, "openrouter", null).figures();
    assertThatThrownBy(
            () ->
                Comparer.compare(
                    real,
                    quietNights,
                    CompareOptions.defaults(),
                    Comparer.SettingsLookup.NONE,
                    List.of()))
        .hasMessageContaining("simulator");
  }

  @Test
  void rateLimitsAndTheSuitePathDoNotMakeRunsIncompatible() {
    var m = new java.util.HashMap<>(Nights.settingsWith("limits.requests_per_minute", "15"));
    m.put("source", "/elsewhere/cap.yaml");
    m.put("shard", "2/4");
    assertThat(Compatibility.fingerprint(m)).isEqualTo(Compatibility.fingerprint(Nights.SETTINGS));
  }

  @Test
  void theTrailingWindowSkipsPartialAndIncompatibleRunsAndSaysWhy() {
    List<RunFigures> history = new ArrayList<>(quietNights);
    history.add(
        Nights.night(5, 1, List.of(GPT, LLAMA), Nights.SETTINGS, "simulator", "interrupted")
            .figures());
    history.add(
        Nights.night(
                6,
                1,
                List.of(GPT, LLAMA),
                Nights.settingsWith("iterations.calls", "9"),
                "simulator",
                null)
            .figures());
    RunFigures tonight = Nights.night(7, 2, List.of(GPT, LLAMA)).figures();
    List<String> notes = new ArrayList<>();
    List<RunFigures> base =
        Comparer.trailing(history, tonight.run(), 3, Comparer.SettingsLookup.NONE, notes);
    assertThat(base)
        .extracting(r -> r.run().runId())
        .containsExactly(
            quietNights.get(2).run().runId(),
            quietNights.get(3).run().runId(),
            quietNights.get(4).run().runId());
    assertThat(notes)
        .anyMatch(n -> n.contains("20261106T020000Z") && n.contains("partial"))
        .anyMatch(n -> n.contains("20261107T020000Z") && n.contains("settings differ"));
  }

  @Test
  void trendMarksTheSlowNightAsARegressionAndOnlyIt() {
    List<RunFigures> history = new ArrayList<>(quietNights);
    RunFigures slow = Nights.night(5, 500, List.of(GPT.slower(1.5), LLAMA)).figures();
    history.add(slow);
    history.add(Nights.night(6, 501, List.of(GPT, LLAMA)).figures());
    java.util.Set<String> marked =
        TrendCharts.regressions(history, history, 5, CompareOptions.defaults());
    assertThat(marked)
        .contains(slow.run().runId() + "|cap/openai/gpt-4o @ openai|ttft")
        .allMatch(m -> m.startsWith(slow.run().runId() + "|cap/openai/gpt-4o"));
  }

  @Test
  void failuresThatNameNoProviderShowInTheCellsRateOverAllProviders() {
    List<RunFigures> quiet =
        IntStream.range(0, 4)
            .mapToObj(
                d ->
                    Nights.night(
                            d,
                            40 + d,
                            List.of(GPT.failing(0)),
                            Nights.SETTINGS,
                            "simulator",
                            null,
                            true)
                        .figures())
            .toList();
    RunFigures burst =
        Nights.night(9, 49, List.of(GPT.failing(0.4)), Nights.SETTINGS, "simulator", null, true)
            .figures();
    assertThat(burst.byMatchKey(Measure.ERROR_RATE)).containsKey("cap/openai/gpt-4o @ all");
    CompareResult r =
        Comparer.compare(
            burst, quiet, CompareOptions.defaults(), Comparer.SettingsLookup.NONE, List.of());
    assertThat(
            r.regressions().stream()
                .map(c -> c.series().servedProvider() + ":" + c.measure().id())
                .toList())
        .containsExactly("all:error_rate");
  }
}
