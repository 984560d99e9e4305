package dev.pitwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.metrics.ProviderNames;
import dev.pitwall.metrics.SeriesKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingsTest {
  @Test
  void aCellPinnedToGoogleVertexServedByGoogleIsNoFallbackByTheEndpointData() {
    ProviderNames names =
        new ProviderNames(
            Map.of("google-vertex", "Google", "google-ai-studio", "Google AI Studio"));
    SeriesKey vertex = new SeriesKey("p/m@google-vertex", "p", "m", "google-vertex", "Google");
    assertThat(Findings.isFallback(vertex, names)).isFalse();
    SeriesKey studio =
        new SeriesKey("p/m@google-vertex", "p", "m", "google-vertex", "Google AI Studio");
    assertThat(Findings.isFallback(studio, names)).isTrue();
    // Without the data a slug is matched by no look-alike spelling.
    assertThat(Findings.isFallback(vertex, ProviderNames.NONE)).isTrue();
  }
}
