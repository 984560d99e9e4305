package dev.pitwall.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.metrics.Outcome;
import dev.pitwall.net.TestTls;
import dev.pitwall.net.TunnelProxy;
import dev.pitwall.sim.Simulator;
import dev.pitwall.sim.SimulatorOptions;
import dev.pitwall.suite.Message;
import dev.pitwall.suite.RequestParams;
import dev.pitwall.suite.Route;
import dev.pitwall.suite.Timeouts;
import dev.pitwall.time.Ticker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client over the network shapes of a real run, against the simulator serving TLS with a
 * certificate made for the test: direct, through a CONNECT proxy, with a certificate for another
 * host, a refusing proxy, an IPv6 literal, and a server closing idle keep-alive connections.
 */
class NetworkPathIT {
  private static Simulator tls;

  @BeforeAll
  static void start() {
    tls = Simulator.start(SimulatorOptions.defaults().withTls(TestTls.localhost().serverContext()));
  }

  @AfterAll
  static void stop() {
    tls.close();
  }

  static ChatCall call(boolean stream) {
    return new ChatCall(
        "openai/gpt-4o",
        List.of(new Message("user", "Say hello")),
        new RequestParams(20, 0.0, null, null, null, stream, false, Map.of()),
        new Route(List.of(), true, null, null),
        Timeouts.DEFAULTS,
        "n");
  }

  private static ClientConfig trusting(URI base) {
    return ClientConfig.of(base, null).withTls(TestTls.localhost().clientContext());
  }

  @Test
  void tlsReportsItsSetUpOnceThenReusesTheConnection() {
    try (LlmClient c = LlmClients.http(trusting(tls.baseUrl()), Ticker.system())) {
      ClientResult first = c.complete(call(true));
      ClientResult second = c.complete(call(false));
      assertThat(first.outcome()).as(first.errorMessage()).isEqualTo(Outcome.OK);
      assertThat(first.connectNs()).isPositive();
      assertThat(first.tlsNs()).isPositive();
      assertThat(second.outcome()).as(second.errorMessage()).isEqualTo(Outcome.OK);
      assertThat(second.connectNs()).isZero();
      assertThat(second.tlsNs()).isZero();
    }
  }

  @Test
  void throughAConnectProxyWithCredentials() throws Exception {
    String basic =
        "Basic " + Base64.getEncoder().encodeToString("ann:p@ss".getBytes(StandardCharsets.UTF_8));
    try (TunnelProxy proxy = TunnelProxy.open(basic)) {
      ProxySettings settings =
          ProxySettings.parse(
              "HTTPS_PROXY", "http://ann:p%40ss@127.0.0.1:" + proxy.port(), List.of());
      try (LlmClient c =
          LlmClients.http(trusting(tls.baseUrl()).withProxy(settings), Ticker.system())) {
        ClientResult r = c.complete(call(true));
        assertThat(r.outcome()).as(r.errorMessage()).isEqualTo(Outcome.OK);
        assertThat(r.connectNs()).isPositive();
        assertThat(r.tlsNs()).isPositive();
      }
      assertThat(proxy.requestHeads())
          .singleElement()
          .asString()
          .startsWith("CONNECT 127.0.0.1:" + tls.baseUrl().getPort() + " HTTP/1.1")
          .contains("Proxy-Authorization: " + basic);
    }
  }

  @Test
  void aRefusingProxyIsNamedWithoutItsCredentials() throws Exception {
    try (TunnelProxy proxy = TunnelProxy.refusing(407)) {
      ProxySettings settings =
          ProxySettings.parse(
              "HTTPS_PROXY", "http://ann:secret@127.0.0.1:" + proxy.port(), List.of());
      try (LlmClient c =
          LlmClients.http(trusting(tls.baseUrl()).withProxy(settings), Ticker.system())) {
        ClientResult r = c.complete(call(true));
        assertThat(r.outcome()).isEqualTo(Outcome.CONNECT_ERROR);
        assertThat(r.errorMessage())
            .contains("the proxy 127.0.0.1:" + proxy.port())
            .contains("407")
            .contains("HTTPS_PROXY")
            .doesNotContain("secret");
      }
    }
  }

  @Test
  void aCertificateForAnotherHostIsRefused() {
    try (Simulator other =
            Simulator.start(
                SimulatorOptions.defaults().withTls(TestTls.otherHost().serverContext()));
        LlmClient c =
            LlmClients.http(
                ClientConfig.of(other.baseUrl(), null).withTls(TestTls.otherHost().clientContext()),
                Ticker.system())) {
      ClientResult r = c.complete(call(true));
      assertThat(r.outcome()).isEqualTo(Outcome.CONNECT_ERROR);
      assertThat(r.errorMessage()).contains("is for another host").doesNotContain("Exception");
    }
  }

  @Test
  void anUntrustedCertificateSaysHowToAddATrustStore() {
    try (LlmClient c = LlmClients.http(ClientConfig.of(tls.baseUrl(), null), Ticker.system())) {
      ClientResult r = c.complete(call(true));
      assertThat(r.outcome()).isEqualTo(Outcome.CONNECT_ERROR);
      assertThat(r.errorMessage())
          .contains("not signed by a trusted authority")
          .contains("-Djavax.net.ssl.trustStore=");
    }
  }

  @Test
  void anIpv6LiteralWorksOverTls() {
    Simulator v6;
    try {
      v6 =
          Simulator.start(
              SimulatorOptions.defaults()
                  .withHost("::1")
                  .withTls(TestTls.localhost().serverContext()));
    } catch (IllegalStateException e) {
      org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
      return;
    }
    try (v6;
        LlmClient c = LlmClients.http(trusting(v6.baseUrl()), Ticker.system())) {
      assertThat(v6.baseUrl().getHost()).startsWith("[").endsWith(":1]");
      ClientResult r = c.complete(call(true));
      assertThat(r.outcome()).as(r.errorMessage()).isEqualTo(Outcome.OK);
    }
  }

  @Test
  void idleConnectionsClosedByTheServerAreRetriedInvisibly() {
    // the server closes a connection 1 ms after its reply: nearly every reuse finds it closed
    try (Simulator closing =
            Simulator.start(
                SimulatorOptions.defaults()
                    .withTls(TestTls.localhost().serverContext())
                    .withKeepAliveTimeout(Duration.ofMillis(1)));
        LlmClient c = LlmClients.http(trusting(closing.baseUrl()), Ticker.system())) {
      for (int i = 0; i < 20; i++) {
        // whether the close or the next request comes first, no call may fail
        ClientResult r = c.complete(call(i % 2 == 0));
        assertThat(r.outcome()).as(r.errorMessage()).isEqualTo(Outcome.OK);
      }
    }
  }
}
