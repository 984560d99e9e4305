package dev.pitwall.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.net.TestTls;
import dev.pitwall.net.TunnelProxy;
import dev.pitwall.sim.Simulator;
import dev.pitwall.sim.SimulatorOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pitwall run} over the network shapes of a real run, against the simulator serving HTTPS on
 * 127.0.0.1 with a certificate made for the test. The TLS runs go through a fresh JVM, so the trust
 * store is given the standard way ({@code -Djavax.net.ssl.trustStore}) and the proxy by {@code
 * HTTPS_PROXY}, exactly as a user would.
 */
class NetworkRunIT {
  private static final int CALLS = 12; // network.yaml: 3 iterations of 4 calls
  private static Simulator tls;

  @TempDir Path results;

  @BeforeAll
  static void start() throws URISyntaxException {
    tls = Simulator.start(exact().withTls(TestTls.localhost().serverContext()));
  }

  @AfterAll
  static void stop() {
    tls.close();
  }

  @Test
  void httpsWithATrustStoreGivenTheStandardWay() throws Exception {
    Child run = pitwall(Map.of(), true, tls.baseUrl().toString());
    assertThat(run.code()).as(run.output()).isZero();
    List<CSVRecord> rows = rows(run);
    assertThat(rows).hasSize(CALLS).allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("OK"));
    assertThat(rows.stream().filter(r -> Double.parseDouble(r.get("tls_ms")) > 0)).isNotEmpty();
    assertThat(rows.stream().filter(r -> Double.parseDouble(r.get("tls_ms")) == 0))
        .as("reused connections wait for no handshake")
        .isNotEmpty();
  }

  @Test
  void throughAConnectProxyWhoseCredentialsAreWrittenNowhere() throws Exception {
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("ann:s3cr3t".getBytes(StandardCharsets.UTF_8));
    try (TunnelProxy proxy = TunnelProxy.open(basic)) {
      Child run =
          pitwall(
              Map.of("HTTPS_PROXY", "http://ann:s3cr3t@127.0.0.1:" + proxy.port()),
              true,
              tls.baseUrl().toString());
      assertThat(run.code()).as(run.output()).isZero();
      assertThat(rows(run))
          .hasSize(CALLS)
          .allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("OK"));
      assertThat(proxy.requestHeads()).isNotEmpty().allMatch(h -> h.contains(basic));
      assertThat(run.output()).doesNotContain("s3cr3t");
      try (Stream<Path> files = Files.walk(results)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readAllBytes(f)).asString().doesNotContain("s3cr3t");
        }
      }
    }
  }

  @Test
  void aProxyRefusingTheTunnelExitsThreeNamingTheProxyNotItsCredentials() throws Exception {
    try (TunnelProxy proxy = TunnelProxy.refusing(407)) {
      Child run =
          pitwall(
              Map.of("HTTPS_PROXY", "http://ann:s3cr3t@127.0.0.1:" + proxy.port()),
              true,
              tls.baseUrl().toString());
      assertThat(run.code()).as(run.output()).isEqualTo(3);
      assertThat(run.output())
          .contains("the proxy 127.0.0.1:" + proxy.port())
          .contains("407")
          .doesNotContain("s3cr3t")
          .doesNotContain("Exception");
    }
  }

  @Test
  void aProxyUrlThatDoesNotParseExitsTwoNamingTheVariable() throws Exception {
    Child run =
        pitwall(
            Map.of("HTTPS_PROXY", "http://ann:s3cr3t@bad host:1"), true, tls.baseUrl().toString());
    assertThat(run.code()).as(run.output()).isEqualTo(2);
    assertThat(run.output()).contains("HTTPS_PROXY").doesNotContain("s3cr3t");
  }

  @Test
  void anUntrustedCertificateExitsThreeSayingHowToAddATrustStore() throws Exception {
    Child run = pitwall(Map.of(), false, tls.baseUrl().toString());
    assertThat(run.code()).as(run.output()).isEqualTo(3);
    assertThat(run.output())
        .contains("127.0.0.1:" + tls.baseUrl().getPort())
        .contains("not signed by a trusted authority")
        .contains("-Djavax.net.ssl.trustStore=")
        .doesNotContain("Exception");
  }

  @Test
  void aCertificateForAnotherHostExitsThreeSayingSo() throws Exception {
    try (Simulator other = Simulator.start(exact().withTls(TestTls.otherHost().serverContext()))) {
      Child run = pitwall(Map.of(), true, other.baseUrl().toString(), TestTls.otherHost());
      assertThat(run.code()).as(run.output()).isEqualTo(3);
      assertThat(run.output()).contains("is for another host").doesNotContain("Exception");
    }
  }

  @Test
  void idleConnectionsClosedByTheServerCostNoCallAndNoError() throws Exception {
    // plain HTTP, in this JVM: the server closes a connection idle for 20 ms, while the open-loop
    // schedule leaves pooled connections idle for longer between calls
    try (Simulator closing = Simulator.start(exact().withKeepAliveTimeout(Duration.ofMillis(20)))) {
      RunOutput run = RunOutput.runSuite("network.yaml", closing.baseUrl(), results);
      assertThat(run.exitCode()).as(run.err()).isZero();
      List<CSVRecord> rows = RunOutput.csv(run.resultsDir().resolve("requests.csv"));
      assertThat(rows)
          .hasSize(CALLS)
          .allSatisfy(
              r -> {
                assertThat(r.get("outcome")).isEqualTo("OK");
                assertThat(r.get("attempt")).isEqualTo("1");
              });
    }
  }

  /** What a child pitwall printed, stdout and stderr together, and its exit code. */
  record Child(int code, String output, Path resultsRoot) {}

  private List<CSVRecord> rows(Child run) throws IOException {
    String out = run.output();
    int at = out.lastIndexOf("results: ");
    Path dir = Path.of(out.substring(at + "results: ".length()).strip().split("\n")[0].strip());
    return RunOutput.csv(dir.resolve("requests.csv"));
  }

  private Child pitwall(Map<String, String> env, boolean trust, String target) throws Exception {
    return pitwall(env, trust, target, TestTls.localhost());
  }

  /** Runs pitwall in a fresh JVM: the JDK reads its trust store properties once, at start. */
  private Child pitwall(Map<String, String> env, boolean trust, String target, TestTls certs)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (trust) {
      cmd.add("-Djavax.net.ssl.trustStore=" + certs.trustStore());
      cmd.add("-Djavax.net.ssl.trustStorePassword=" + TestTls.PASSWORD);
    }
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "dev.pitwall.cli.Main",
            "run",
            RunOutput.resource("network.yaml").toString(),
            "--target",
            target,
            "--results",
            results.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("OPENROUTER_API_KEY");
    pb.environment().remove("HTTPS_PROXY");
    pb.environment().remove("https_proxy");
    pb.environment().putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Child(p.exitValue(), output, results);
  }

  /** The jitter-free profile: every call of exact/model takes the same time. */
  private static SimulatorOptions exact() throws URISyntaxException {
    return SimulatorOptions.defaults().withProfileFile(RunOutput.resource("exact-profile.yaml"));
  }
}
