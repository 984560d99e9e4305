package dev.pitwall.report;

import dev.pitwall.suite.Slo;
import dev.pitwall.suite.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What the reports need from the suite, and no more. The manifest stores these facts, so {@code
 * pitwall report DIR} regenerates the same outputs (SLO verdicts, data-policy findings, JMH thread
 * count) without the suite file.
 *
 * @param suiteHash "sha256:…" of the suite file (or of the parsed suite when it has no file)
 * @param threads the JMH "Threads" column: the suite's concurrency
 * @param allowedProviders the data-policy list; empty means no audit
 */
public record SuiteFacts(
    String suiteHash, int threads, List<Slo> slos, List<String> allowedProviders) {
  public static final SuiteFacts UNKNOWN = new SuiteFacts("", 1, List.of(), List.of());

  public SuiteFacts {
    suiteHash = suiteHash == null ? "" : suiteHash;
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, not " + threads);
    }
    slos = List.copyOf(slos);
    allowedProviders = List.copyOf(allowedProviders);
  }

  public static SuiteFacts of(Suite suite) {
    Objects.requireNonNull(suite, "suite");
    return new SuiteFacts(
        hash(suite), suite.load().concurrency(), suite.slos(), suite.allowedProviders());
  }

  static String hash(Suite suite) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      Path source = suite.source();
      byte[] bytes =
          source != null && Files.isRegularFile(source)
              ? Files.readAllBytes(source)
              : suite.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return "sha256:" + HexFormat.of().formatHex(sha.digest(bytes));
    } catch (NoSuchAlgorithmException | IOException e) {
      return "";
    }
  }
}
