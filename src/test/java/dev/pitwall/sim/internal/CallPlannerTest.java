package dev.pitwall.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.sim.FaultKind;
import dev.pitwall.sim.FaultRule;
import dev.pitwall.sim.LatencyModel;
import dev.pitwall.sim.SimProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallPlannerTest {
  /** TTFT 100 ms, 10 tokens/s, 2 tokens a chunk, 10-token answers: every time is exact. */
  private static final LatencyModel EXACT = new LatencyModel(100, 0, 10, 0, 2, 10, 0);

  private static final SimProfile PROFILE = SimProfile.bundled().withLatency(EXACT);

  private static ChatRequest request(String model, boolean stream) {
    return new ChatRequest(model, null, 10, 1, null, stream, null, null, false);
  }

  private static ChatRequest pinned(String model, String provider, boolean fallbacks) {
    return new ChatRequest(
        model,
        null,
        10,
        1,
        null,
        true,
        null,
        new ProviderPrefs(List.of(provider), fallbacks, null, null, null),
        false);
  }

  private static CallPlan plan(SimProfile profile, ChatRequest req, long seq) {
    return new CallPlanner(profile, 42).plan(req, seq, 0, 1_700_000_000L);
  }

  private static List<Step.Kind> kinds(CallPlan plan) {
    return plan.steps().stream().map(Step::kind).toList();
  }

  @Test
  void streamTimelineFollowsTheLatencyModelExactly() {
    CallPlan p = plan(PROFILE, request("openai/gpt-4o", true), 0);
    assertThat(p.served()).isTrue();
    assertThat(p.completionTokens()).isEqualTo(10);
    assertThat(p.finishReason()).isEqualTo("stop");
    List<Long> tokenTimes =
        p.steps().stream().filter(s -> s.kind() == Step.Kind.TOKENS).map(Step::atNanos).toList();
    assertThat(tokenTimes)
        .containsExactly(100_000_000L, 300_000_000L, 500_000_000L, 700_000_000L, 900_000_000L);
    assertThat(kinds(p).subList(0, 2)).containsExactly(Step.Kind.HEADERS, Step.Kind.COMMENT);
    assertThat(kinds(p).subList(kinds(p).size() - 3, kinds(p).size()))
        .containsExactly(Step.Kind.FINISH, Step.Kind.USAGE, Step.Kind.DONE);
    assertThat(p.endNanos()).isEqualTo(900_000_000L);
    assertThat(p.id()).matches("gen-1700000000-[A-Za-z0-9]{20}");
  }

  @Test
  void sameSeedAndSequenceGiveTheSamePlan() {
    SimProfile jittery = SimProfile.bundled();
    for (long seq = 0; seq < 20; seq++) {
      CallPlan a = plan(jittery, request("meta-llama/llama-3.1-70b-instruct", true), seq);
      CallPlan b = plan(jittery, request("meta-llama/llama-3.1-70b-instruct", true), seq);
      assertThat(a).isEqualTo(b);
    }
    CallPlan other =
        new CallPlanner(jittery, 43).plan(request("openai/gpt-4o", true), 0, 0, 1_700_000_000L);
    assertThat(other.steps())
        .isNotEqualTo(plan(jittery, request("openai/gpt-4o", true), 0).steps());
  }

  @Test
  void samePromptGivesTheSameText() {
    CallPlan a = plan(PROFILE, request("openai/gpt-4o", false), 1);
    CallPlan b = plan(PROFILE, request("openai/gpt-4o", false), 2);
    assertThat(a.content()).isEqualTo(b.content()).isNotBlank();
  }

  @Test
  void maxTokensCutsTheAnswer() {
    var req = new ChatRequest("openai/gpt-4o", null, 10, 1, 3, true, null, null, false);
    CallPlan p = plan(PROFILE, req, 0);
    assertThat(p.completionTokens()).isEqualTo(3);
    assertThat(p.finishReason()).isEqualTo("length");
  }

  @Test
  void stopSequenceEndsTheAnswerBeforeIt() {
    CallPlan full = plan(PROFILE, request("openai/gpt-4o", false), 0);
    String[] words = full.content().split(" ");
    String stop = " " + words[3];
    var req =
        new ChatRequest("openai/gpt-4o", null, 10, 1, null, false, List.of(stop), null, false);
    CallPlan p = plan(PROFILE, req, 0);
    assertThat(p.content())
        .doesNotContain(stop.trim())
        .isEqualTo(full.content().substring(0, full.content().indexOf(stop)));
    assertThat(p.finishReason()).isEqualTo("stop");
  }

  @Test
  void jsonModeAnswersAJsonObject() throws Exception {
    var req = new ChatRequest("openai/gpt-4o", null, 10, 1, null, false, null, null, true);
    CallPlan p = plan(PROFILE, req, 0);
    var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.content());
    assertThat(node.get("answer").asText()).isNotBlank();
    assertThat(p.completionTokens()).isEqualTo(10);
  }

  @Test
  void unknownModelIs400() {
    CallPlan p = plan(PROFILE, request("acme/nothing", true), 0);
    assertThat(p.error().status()).isEqualTo(400);
    assertThat(p.error().message()).isEqualTo("acme/nothing is not a valid model ID");
  }

  @Test
  void nothingEligibleIs404() {
    var req =
        new ChatRequest(
            "openai/gpt-4o",
            null,
            10,
            1,
            null,
            true,
            null,
            new ProviderPrefs(null, true, List.of("deepinfra"), null, null),
            false);
    CallPlan p = plan(PROFILE, req, 0);
    assertThat(p.error().status()).isEqualTo(404);
    assertThat(p.error().message()).isEqualTo("No endpoints found for openai/gpt-4o.");
  }

  @Test
  void maxTokensBeyondAnEndpointsLimitExcludesIt() {
    var req =
        new ChatRequest(
            "anthropic/claude-sonnet-4.5", null, 10, 1, 70_000, true, null, null, false);
    CallPlan p = plan(PROFILE, req, 0);
    assertThat(p.error().status()).isEqualTo(404);
    var llama =
        new ChatRequest(
            "meta-llama/llama-3.1-70b-instruct", null, 10, 1, 20_000, true, null, null, false);
    assertThat(plan(PROFILE, llama, 0).endpoint().providerSlug()).isEqualTo("novita");
  }

  @Test
  void stallOfAOneChunkAnswerComesBeforeTheFinish() {
    var req = new ChatRequest("openai/gpt-4o", null, 10, 1, 2, true, null, null, false);
    CallPlan p =
        plan(
            PROFILE.withFaults(List.of(FaultRule.always(FaultKind.STALL).withDelayMs(1000))),
            req,
            0);
    assertThat(p.first(Step.Kind.FINISH).atNanos() - p.first(Step.Kind.TOKENS).atNanos())
        .isEqualTo(1_000_000_000L);
  }

  @Test
  void pinnedProviderErrorWithoutFallbacksIsReturned() {
    SimProfile failing =
        PROFILE.withFaults(
            List.of(
                FaultRule.always(FaultKind.ERROR)
                    .forProvider("openai")
                    .withStatus(429)
                    .withRetryAfterS(7)));
    CallPlan p = plan(failing, pinned("openai/gpt-4o", "openai", false), 0);
    assertThat(p.served()).isFalse();
    assertThat(p.error().status()).isEqualTo(429);
    assertThat(p.error().retryAfterS()).isEqualTo(7);
    assertThat(p.error().metadata()).containsEntry("provider_name", "OpenAI");
    assertThat(p.attempts()).hasSize(1);
    assertThat(p.steps()).containsExactly(new Step(40_000_000L, Step.Kind.ERROR_REPLY, null, 0));
  }

  @Test
  void pinnedProviderErrorWithFallbacksFallsBackAndCostsTime() {
    SimProfile failing =
        PROFILE.withFaults(List.of(FaultRule.always(FaultKind.ERROR).forProvider("openai")));
    CallPlan p = plan(failing, pinned("openai/gpt-4o", "openai", true), 0);
    assertThat(p.endpoint().providerName()).isEqualTo("Azure");
    assertThat(p.attempts()).extracting(Attempt::status).containsExactly(500);
    assertThat(p.first(Step.Kind.TOKENS).atNanos()).isEqualTo(140_000_000L);
  }

  @Test
  void modelsListIsTriedWhenEveryProviderFails() {
    SimProfile down =
        PROFILE.withFaults(List.of(FaultRule.always(FaultKind.OUTAGE).forModel("openai/gpt-4o")));
    var req =
        new ChatRequest(
            "openai/gpt-4o",
            List.of("mistralai/mistral-large"),
            10,
            1,
            null,
            true,
            null,
            null,
            false);
    CallPlan p = plan(down, req, 0);
    assertThat(p.replyModel()).isEqualTo("mistralai/mistral-large");
    assertThat(p.endpoint().providerName()).isEqualTo("Mistral");
    assertThat(p.attempts()).hasSize(2).allMatch(a -> a.status() == 503);
  }

  @Test
  void outageWindowOnlyAppliesInsideIt() {
    SimProfile down =
        PROFILE.withFaults(
            List.of(
                FaultRule.always(FaultKind.OUTAGE).forProvider("mistral").withWindow(10.0, 20.0)));
    var planner = new CallPlanner(down, 1);
    var req = request("mistralai/mistral-large", true);
    assertThat(planner.plan(req, 0, 5, 0).served()).isTrue();
    assertThat(planner.plan(req, 0, 15, 0).error().status()).isEqualTo(503);
    assertThat(planner.plan(req, 0, 20, 0).served()).isTrue();
  }

  @Test
  void errorRateIsSeededAndNearTheConfiguredRate() {
    SimProfile flaky =
        PROFILE.withFaults(
            List.of(FaultRule.always(FaultKind.ERROR).withStatus(502).withRate(0.2)));
    int failures = 0;
    List<Boolean> first = new ArrayList<>();
    for (int seq = 0; seq < 2000; seq++) {
      boolean failed = !plan(flaky, request("openai/gpt-4o", true), seq).served();
      failures += failed ? 1 : 0;
      first.add(failed);
    }
    assertThat(failures / 2000.0).isBetween(0.17, 0.23);
    for (int seq = 0; seq < 100; seq++) {
      assertThat(!plan(flaky, request("openai/gpt-4o", true), seq).served())
          .isEqualTo(first.get(seq));
    }
  }

  @Test
  void htmlErrorIsReturnedByTheEdge() {
    SimProfile edge = PROFILE.withFaults(List.of(FaultRule.always(FaultKind.HTML_ERROR)));
    CallPlan p = plan(edge, request("openai/gpt-4o", true), 0);
    assertThat(p.error().status()).isEqualTo(502);
    assertThat(p.error().html()).isTrue();
  }

  @Test
  void midStreamErrorEndsTheStreamAfterTheGivenTokens() {
    SimProfile f =
        PROFILE.withFaults(
            List.of(FaultRule.always(FaultKind.MID_STREAM_ERROR).withAfterTokens(4)));
    CallPlan p = plan(f, request("openai/gpt-4o", true), 0);
    assertThat(kinds(p))
        .containsExactly(
            Step.Kind.HEADERS,
            Step.Kind.COMMENT,
            Step.Kind.TOKENS,
            Step.Kind.TOKENS,
            Step.Kind.STREAM_ERROR,
            Step.Kind.DONE);
    assertThat(p.completionTokens()).isEqualTo(4);
    assertThat(p.finishReason()).isEqualTo("error");
  }

  @Test
  void resetBeforeAnyByteOrAfterTokens() {
    CallPlan early =
        plan(
            PROFILE.withFaults(List.of(FaultRule.always(FaultKind.RESET))),
            request("openai/gpt-4o", true),
            0);
    assertThat(kinds(early)).containsExactly(Step.Kind.RESET);
    CallPlan late =
        plan(
            PROFILE.withFaults(List.of(FaultRule.always(FaultKind.RESET).withAfterTokens(2))),
            request("openai/gpt-4o", true),
            0);
    assertThat(kinds(late))
        .containsExactly(Step.Kind.HEADERS, Step.Kind.COMMENT, Step.Kind.TOKENS, Step.Kind.RESET);
  }

  @Test
  void stallDelaysTheSecondChunkOrHangs() {
    CallPlan delayed =
        plan(
            PROFILE.withFaults(List.of(FaultRule.always(FaultKind.STALL).withDelayMs(5000))),
            request("openai/gpt-4o", true),
            0);
    List<Long> times =
        delayed.steps().stream()
            .filter(s -> s.kind() == Step.Kind.TOKENS)
            .map(Step::atNanos)
            .toList();
    assertThat(times.get(1) - times.get(0)).isEqualTo(5_200_000_000L);
    CallPlan hang =
        plan(
            PROFILE.withFaults(List.of(FaultRule.always(FaultKind.STALL))),
            request("openai/gpt-4o", true),
            0);
    assertThat(kinds(hang)).endsWith(Step.Kind.TOKENS, Step.Kind.HANG);
  }

  @Test
  void slowHeadersShiftEverything() {
    CallPlan p =
        plan(
            PROFILE.withFaults(List.of(FaultRule.always(FaultKind.SLOW_HEADERS).withDelayMs(300))),
            request("openai/gpt-4o", true),
            0);
    assertThat(p.first(Step.Kind.HEADERS).atNanos()).isEqualTo(300_000_000L);
    assertThat(p.first(Step.Kind.TOKENS).atNanos()).isEqualTo(400_000_000L);
  }

  @Test
  void invalidJsonReplacesOneChunk() {
    CallPlan p =
        plan(
            PROFILE.withFaults(
                List.of(FaultRule.always(FaultKind.INVALID_JSON).withAfterTokens(2))),
            request("openai/gpt-4o", true),
            0);
    assertThat(kinds(p).stream().filter(k -> k == Step.Kind.BROKEN_JSON).count()).isEqualTo(1);
    assertThat(kinds(p).get(3)).isEqualTo(Step.Kind.BROKEN_JSON);
    assertThat(p.finishReason()).isEqualTo("stop");
  }

  @Test
  void keepaliveAddsCommentsWhileWaitingAndBetweenChunks() {
    CallPlan p =
        plan(
            PROFILE.withFaults(List.of(FaultRule.always(FaultKind.KEEPALIVE).withDelayMs(30))),
            request("openai/gpt-4o", true),
            0);
    long comments = kinds(p).stream().filter(k -> k == Step.Kind.COMMENT).count();
    // one at the headers, at 30, 60, 90 ms before the first token, and one in each of 4 gaps
    assertThat(comments).isEqualTo(1 + 3 + 4);
  }

  @Test
  void nitroSuffixSortsByThroughputAndKeepsTheSuffix() {
    CallPlan p =
        new CallPlanner(SimProfile.bundled(), 1)
            .plan(request("meta-llama/llama-3.1-70b-instruct:nitro", true), 0, 0, 0);
    assertThat(p.endpoint().providerSlug()).isEqualTo("together");
    assertThat(p.replyModel()).isEqualTo("meta-llama/llama-3.1-70b-instruct:nitro");
  }
}
