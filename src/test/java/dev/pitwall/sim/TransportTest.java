package dev.pitwall.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.sim.internal.Transport;
import io.netty.channel.epoll.Epoll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both event-loop transports serve the same stream; the override property is checked. */
class TransportTest {
  @AfterEach
  void clearOverride() {
    System.clearProperty(Transport.PROPERTY);
  }

  @Test
  void autoPicksEpollWhereNettyLoadsIt() {
    assertThat(Transport.choose()).isEqualTo(Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO);
  }

  @Test
  void anUnknownOverrideNamesThePropertyAndTheChoices() {
    System.setProperty(Transport.PROPERTY, "kqueue");
    assertThatThrownBy(Transport::choose)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-Dpitwall.sim.transport=kqueue")
        .hasMessageContaining("auto, epoll or nio");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void eachTransportStreamsAWholeCompletion(Transport transport) throws Exception {
    if (transport == Transport.EPOLL && !Epoll.isAvailable()) {
      return; // not Linux x86_64: nothing to check
    }
    System.setProperty(Transport.PROPERTY, transport.name().toLowerCase(java.util.Locale.ROOT));
    LatencyModel fast = new LatencyModel(5, 0, 2000, 0, 1, 20, 0);
    try (Simulator sim =
        Simulator.start(
            SimulatorOptions.defaults().withProfile(SimProfile.bundled().withLatency(fast)))) {
      HttpResponse<String> res =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"model\":\"openai/gpt-4o\",\"stream\":true,"
                                  + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(res.body().split("\"finish_reason\":null")).hasSize(21);
      assertThat(res.body()).endsWith("data: [DONE]\n\n");
    }
  }
}
