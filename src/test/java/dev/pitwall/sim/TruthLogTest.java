package dev.pitwall.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's own account of when it wrote a call's tokens, and its CSV form. */
class TruthLogTest {
  private static final Path EXACT = Path.of("src/test/resources/dev/pitwall/it/exact-profile.yaml");
  private static final String STREAM =
      "{\"model\":\"exact/model\",\"stream\":true,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  @TempDir Path dir;

  record Ended(String id, long arrival, long first, long last, long end) {}

  @Test
  void eachCallReportsItsIdAndWhenItsFirstAndLastTokenWereFlushed() throws Exception {
    List<Ended> ended = new CopyOnWriteArrayList<>();
    CountDownLatch two = new CountDownLatch(2);
    try (Simulator sim = Simulator.start(SimulatorOptions.defaults().withProfileFile(EXACT))) {
      sim.reportTimings(
          (id, arrival, first, last, end) -> {
            ended.add(new Ended(id, arrival, first, last, end));
            two.countDown();
          });
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String[] ids = new String[2];
      for (int i = 0; i < 2; i++) {
        HttpResponse<String> res = http.send(request(sim), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        ids[i] = res.headers().firstValue("X-Generation-Id").orElseThrow();
      }
      assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(ended).extracting(Ended::id).containsExactly(ids);
      assertThat(ended)
          .allSatisfy(
              e -> {
                assertThat(e.first()).isGreaterThan(e.arrival());
                assertThat(e.last()).isGreaterThan(e.first());
                assertThat(e.end()).isGreaterThanOrEqualTo(e.last());
              });
    }
  }

  @Test
  void theLogHasOneLinePerCallWithServerTtftAndE2e() throws Exception {
    Path file = dir.resolve("truth.csv");
    try (TruthLog log = TruthLog.open(file)) {
      log.callEnded("gen-1", 1_000_000L, 301_000_000L, 791_500_000L, 792_000_000L);
      log.callEnded("gen-2", 5, -1, -1, 9);
    }
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "generation_id,arrival_ns,first_token_ns,last_token_ns,end_ns,server_ttft_ms,"
                + "server_e2e_ms",
            "gen-1,1000000,301000000,791500000,792000000,300.000000,790.500000",
            "gen-2,5,-1,-1,9,,");
  }

  private static HttpRequest request(Simulator sim) {
    return HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(STREAM))
        .build();
  }
}
