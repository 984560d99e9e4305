package dev.pitwall.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenerationStoreTest {
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
}
