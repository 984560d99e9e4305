package dev.pitwall.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Node SDK ({@code openai} on npm, pinned in {@code
 * src/test/node/openai-compat/package-lock.json}), unmodified, against the simulator: a completion
 * and a stream with usage parse, and an unknown model surfaces as the SDK's own {@code
 * BadRequestError}. The test installs the package itself ({@code npm ci}) when it is missing.
 * Without Node it is skipped, except in CI ({@code CI=true}), where {@code .ci/run} provides Node
 * and a missing one fails the build.
 */
class OpenAiNodeClientIT {
  private static final Path DIR = Path.of("src", "test", "node", "openai-compat");
  private static final LatencyModel FAST = new LatencyModel(20, 0.1, 2000, 0.1, 3, 40, 0.1);

  @Test
  void theNodeSdkParsesCompletionsStreamsAndErrors() throws Exception {
    requireNode();
    if (!Files.isDirectory(DIR.resolve("node_modules").resolve("openai"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
    }
    JsonNode out;
    try (Simulator sim =
        Simulator.start(
            SimulatorOptions.defaults().withProfile(SimProfile.bundled().withLatency(FAST)))) {
      String stdout = run(List.of("node", "check.mjs", sim.baseUrl().toString()), 120);
      String[] lines = stdout.strip().split("\n");
      out = new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    JsonNode c = out.get("nonStreaming");
    assertThat(c.get("id").asText()).startsWith("gen-");
    assertThat(c.get("model").asText()).isEqualTo("openai/gpt-4o");
    assertThat(c.get("provider").asText()).isIn("OpenAI", "Azure");
    assertThat(c.get("finishReason").asText()).isEqualTo("stop");
    assertThat(c.get("content").asText()).isNotBlank();
    assertThat(c.get("completionTokens").asInt()).isPositive();

    JsonNode s = out.get("streaming");
    assertThat(s.get("chunks").asInt()).isGreaterThan(2);
    assertThat(s.get("content").asText()).isNotBlank();
    assertThat(s.get("finishReason").asText()).isEqualTo("stop");
    assertThat(s.get("completionTokens").asInt()).isPositive();

    JsonNode e = out.get("unknownModel");
    assertThat(e.get("thrown").asBoolean()).isTrue();
    assertThat(e.get("type").asText()).isEqualTo("BadRequestError");
    assertThat(e.get("apiError").asBoolean()).isTrue();
    assertThat(e.get("status").asInt()).isEqualTo(400);
    assertThat(e.get("message").asText()).contains("is not a valid model ID");
  }

  private static void requireNode() throws InterruptedException {
    boolean present;
    try {
      present = new ProcessBuilder("node", "--version").start().waitFor() == 0;
    } catch (IOException e) {
      present = false;
    }
    if (!present) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("node is not on the PATH; .ci/run installs Node.js (Debian package nodejs) for this");
      }
      Assumptions.abort("node is not installed: the Node SDK check is skipped");
    }
  }

  /** Runs a command in {@link #DIR}; returns its standard output, or fails with all it printed. */
  private static String run(List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    // Output goes to a file, so a hung command cannot block the read and outlive the timeout.
    Path stdout = Files.createTempFile("node-check", ".out");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(DIR.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
      }
      String text = Files.readString(stdout, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        fail(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
      }
      return text;
    } finally {
      Files.deleteIfExists(stdout);
    }
  }
}
