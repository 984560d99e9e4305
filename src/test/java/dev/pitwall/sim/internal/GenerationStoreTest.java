package dev.pitwall.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.sim.SimProfile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GenerationStoreTest {
  private static final CallPlanner PLANNER = new CallPlanner(SimProfile.bundled(), 42);

  private static CallPlan plan(long seq) {
    ChatRequest req =
        new ChatRequest("openai/gpt-4o", null, 10, 1, null, seq % 2 == 0, null, null, false);
    return PLANNER.plan(req, seq, 0, 1_700_000_000L + seq);
  }

  @Test
  void repeatedHeaderValuesAreKeptOnceForAllRecords() {
    GenerationStore store = new GenerationStore(10);
    String first = store.shared(new String("pitwall/1.0"));
    String again = store.shared(new String("pitwall/1.0"));
    assertThat(again).isSameAs(first);
    assertThat(store.shared(null)).isNull();
  }

  @Test
  void beyondTheBoundValuesAreReturnedAsGiven() {
    GenerationStore store = new GenerationStore(10);
    for (int i = 0; i < GenerationStore.SHARED_VALUES; i++) {
      store.shared("agent-" + i);
    }
    String late = new String("one-more");
    assertThat(store.shared(late)).isSameAs(late);
    assertThat(store.shared(new String("one-more"))).isNotSameAs(late);
    assertThat(store.shared(new String("agent-0"))).isEqualTo("agent-0");
  }

  @Test
  void aRecordReadsBackAsThePlanWroteIt() {
    GenerationStore store = new GenerationStore(10);
    CallPlan plan = plan(0);
    long h = store.put(plan, "https://example.test", "pitwall/1.0");
    GenerationRecord running = store.get(plan.id());
    assertThat(running.id()).isEqualTo(plan.id());
    assertThat(running.replyModel()).isEqualTo(plan.replyModel());
    assertThat(running.providerName()).isEqualTo(plan.endpoint().providerName());
    assertThat(running.promptTokens()).isEqualTo(plan.promptTokens());
    assertThat(running.completionTokens()).isEqualTo(plan.completionTokens());
    assertThat(running.cost()).isEqualTo(plan.cost());
    assertThat(running.stream()).isEqualTo(plan.stream());
    assertThat(running.createdEpochSecond()).isEqualTo(plan.created());
    assertThat(running.referer()).isEqualTo("https://example.test");
    assertThat(running.userAgent()).isEqualTo("pitwall/1.0");
    assertThat(running.latencyMs()).isZero();
    store.complete(h, 1_234_000_000L);
    store.cancel(h, 9_000_000_000L); // a second end changes nothing
    GenerationRecord done = store.get(plan.id());
    assertThat(done.latencyMs()).isEqualTo(1_234);
    assertThat(done.cancelled()).isFalse();
  }

  @Test
  void theOldestAreDroppedAndTheRestStayFoundAfterManyLaps() {
    int capacity = 7;
    GenerationStore store = new GenerationStore(capacity);
    List<String> ids = new ArrayList<>();
    List<Long> handles = new ArrayList<>();
    for (int seq = 0; seq < 1_000; seq++) {
      CallPlan plan = plan(seq);
      ids.add(plan.id());
      handles.add(store.put(plan, null, null));
      // Every lap the ring reuses each slot and the index moves entries back over freed places.
      for (int back = 0; back < ids.size(); back++) {
        int i = ids.size() - 1 - back;
        if (back < capacity) {
          assertThat(store.get(ids.get(i))).as("call %d after %d", i, seq).isNotNull();
        } else if (back < capacity + 3) {
          assertThat(store.get(ids.get(i))).as("call %d after %d", i, seq).isNull();
        }
      }
    }
    // Call 994 now holds call 0's slot (994 = 142 × 7): call 0's handle must not end it.
    store.cancel(handles.get(0), 5_000_000L);
    assertThat(store.get(ids.get(994)).cancelled()).isFalse();
    store.cancel(handles.get(994), 5_000_000L);
    assertThat(store.get(ids.get(994)).cancelled()).isTrue();
  }

  @Test
  void distinctIdsPackDistinctly() {
    SplittableRandom random = new SplittableRandom(7);
    Set<GenerationId.Packed> packed = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String id = GenerationId.next(1_700_000_000L + i % 3, random);
      assertThat(packed.add(GenerationId.pack(id))).isTrue();
      assertThat(GenerationId.pack(id)).isEqualTo(GenerationId.pack(new String(id)));
    }
    String id = "gen-1700000000-AAAAAAAAAAAAAAAAAAAA";
    assertThat(GenerationId.pack(id))
        .isNotEqualTo(GenerationId.pack("gen-1700000000-BAAAAAAAAAAAAAAAAAAA"))
        .isNotEqualTo(GenerationId.pack("gen-1700000000-AAAAAAAAAAAAAAAAAAAz"))
        .isNotEqualTo(GenerationId.pack("gen-1700000001-AAAAAAAAAAAAAAAAAAAA"));
    assertThat(GenerationId.pack("gen-1700000000-short")).isNull();
    assertThat(GenerationId.pack("gen-x-AAAAAAAAAAAAAAAAAAAA")).isNull();
    assertThat(GenerationId.pack("gen-1700000000-AAAAAAAAAA!AAAAAAAAA")).isNull();
    assertThat(GenerationId.pack("chatcmpl-1")).isNull();
    assertThat(GenerationId.pack("gen-+1700000000-AAAAAAAAAAAAAAAAAAAA")).isNull();
    assertThat(GenerationId.pack("gen-01700000000-AAAAAAAAAAAAAAAAAAAA")).isNull();
    assertThat(GenerationId.pack(null)).isNull();
  }

  @Test
  void anUnknownOrMalformedIdIsNotFound() {
    GenerationStore store = new GenerationStore(4);
    store.put(plan(1), null, null);
    assertThat(store.get("gen-1-AAAAAAAAAAAAAAAAAAAA")).isNull();
    assertThat(store.get("nonsense")).isNull();
  }
}
