package dev.pitwall.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.suite.Cell;
import dev.pitwall.suite.Limits;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.Prompt;
import dev.pitwall.suite.ProviderLimits;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitersTest {
  private static final RequestParams PARAMS =
      new RequestParams(100, null, null, null, null, true, false, Map.of());
  private static final Prompt PROMPT = new Prompt("p", List.of(new Message("user", "hi")));

  @Test
  void aProvidersOwnLimitSpacesItsCallsWhileOthersGoFreely() {
    FakeTime time = new FakeTime();
    Limits limits = new Limits(null, null, null, Map.of("together", new ProviderLimits(6, null)));
    Limiters limiters = Limiters.of(limits, time);
    Cell together = new Cell(0, "p/m@together", PROMPT, "m", Route.pinned("together"), PARAMS);
    Cell free = new Cell(1, "p/m", PROMPT, "m", Route.FREE, PARAMS);

    assertThat(limiters.reserve(together)).isZero();
    assertThat(limiters.reserve(together)).isBetween(10_000_000_000L, 10_020_000_000L);
    assertThat(limiters.reserve(free)).isZero();
    assertThat(limiters.reserve(free)).isZero();
    assertThat(limiters.waitedNanos()).isBetween(10_000_000_000L, 10_020_000_000L);
  }

  @Test
  void theGlobalLimitAppliesOnTopOfTheProviders() {
    FakeTime time = new FakeTime();
    Limits limits = new Limits(60, null, null, Map.of("a", new ProviderLimits(600, null)));
    Limiters limiters = Limiters.of(limits, time);
    Cell a = new Cell(0, "p/m@a", PROMPT, "m", Route.pinned("a"), PARAMS);
    limiters.reserve(a);
    assertThat(limiters.reserve(a)).isGreaterThanOrEqualTo(1_000_000_000L);
  }
}
