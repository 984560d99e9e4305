package dev.pitwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new SimulateCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void brokenProfileIsRejectedWithFileLineAndColumn() throws Exception {
    Path profile = dir.resolve("p.yaml");
    Files.writeString(profile, "models:\n  - id: a/b\n    colour: red\n");
    Result r = run("--port", "0", "--profile", profile.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(profile + ":2:5: context_length must be >= 1 (is it missing?)")
        .contains("    2 |   - id: a/b");
  }

  @Test
  void missingProfileSaysSo() {
    Result r = run("--port", "0", "--profile", dir.resolve("none.yaml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no such profile file");
  }

  @Test
  void badPortIsAUsageError() {
    Result r = run("--port", "nope");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--port");
  }

  @Test
  void ioThreadsBelowOneNamesTheFlag() {
    Result r = run("--port", "0", "--io-threads", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--io-threads must be at least 1, not 0");
  }

  @Test
  void ioThreadsThatIsNotANumberIsAUsageError() {
    Result r = run("--io-threads", "many");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--io-threads");
  }

  @Test
  void portOutOfRangeIsReported() {
    Result r = run("--port", "70000");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("port must be in 0..65535");
  }
}
