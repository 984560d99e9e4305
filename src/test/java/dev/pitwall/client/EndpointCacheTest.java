package dev.pitwall.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointCacheTest {
  private final List<String> fetched = new ArrayList<>();

  @Test
  void eachModelIsFetchedOnceWhoeverAsks() {
    EndpointCache cache =
        new EndpointCache(
            model -> {
              fetched.add(model);
              return List.of(endpoint("cheap"));
            });

    assertThat(cache.of("a/model")).hasValueSatisfying(l -> assertThat(l).hasSize(1));
    assertThat(cache.of("a/model")).hasValueSatisfying(l -> assertThat(l).hasSize(1));
    assertThat(cache.of("b/model")).isPresent();

    assertThat(fetched).containsExactly("a/model", "b/model");
  }

  @Test
  void aModelWhoseEndpointsCannotBeHadIsUnknownAndNotAskedAgain() {
    EndpointCache cache =
        new EndpointCache(
            model -> {
              fetched.add(model);
              throw new OpenRouterApi.ApiException(404, "no such model");
            });

    assertThat(cache.of("gone/model")).isEmpty();
    assertThat(cache.of("gone/model")).isEmpty();

    assertThat(fetched).containsExactly("gone/model");
  }

  static Endpoint endpoint(String tag) {
    Pricing price =
        new Pricing(new BigDecimal("0.000001"), new BigDecimal("0.000002"), null, null, null);
    return new Endpoint(tag, tag, 8000, 4000, "fp16", price, List.of(), null, null, null);
  }
}
