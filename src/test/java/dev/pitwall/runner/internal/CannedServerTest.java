package dev.pitwall.runner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CannedServerTest {
  private static final String HEAD =
      "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\nconnection: keep-alive\r\n\r\n";

  @Test
  void aStreamIsCutAfterItsHeadInsideItsFirstLineAndAfterEveryEighthEventsChunk() {
    StringBuilder answer = new StringBuilder(HEAD);
    int[] chunkEnds = new int[20];
    for (int i = 0; i < 20; i++) {
      String event =
          "data: {\"n\":" + i + ",\"content\":\" token\"}\n\n"; // 16+ bytes: 2 hex digits
      answer
          .append(Integer.toHexString(event.length()))
          .append("\r\n")
          .append(event)
          .append("\r\n");
      chunkEnds[i] = answer.length();
    }
    answer.append("0\r\n\r\n");

    int[] cuts = CannedServer.cuts(answer.toString().getBytes(StandardCharsets.ISO_8859_1));

    int bodyStart = HEAD.length();
    int firstLineEnd = answer.indexOf("\r\n", bodyStart);
    assertThat(cuts)
        .containsExactly(
            bodyStart,
            bodyStart + (firstLineEnd - bodyStart) / 2,
            chunkEnds[CannedServer.EVENTS_PER_PIECE - 1],
            chunkEnds[2 * CannedServer.EVENTS_PER_PIECE - 1]);
  }

  @Test
  void aJsonAnswerIsCutAfterItsHeadAndInsideItsBody() {
    String body = "{\"id\":\"gen-1\",\"choices\":[]}";
    byte[] answer = (HEAD + body).getBytes(StandardCharsets.ISO_8859_1);

    assertThat(CannedServer.cuts(answer))
        .containsExactly(HEAD.length(), HEAD.length() + body.length() / 2);
  }

  @Test
  void anAnswerWithoutABodyIsWrittenWhole() {
    assertThat(CannedServer.cuts(HEAD.getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(CannedServer.cuts("no head".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
  }
}
