package dev.pitwall.runfolder;

import dev.pitwall.metrics.ProviderNames;
import dev.pitwall.suite.Slo;
import dev.pitwall.suite.Suite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * @param providerNames slug → display name of the providers of the suite's models, from endpoint
 *     data: how fallbacks and data-policy violations are told apart from a provider's other name
 */
public record SuiteFacts(
    String suiteHash,
    int threads,
    List<Slo> slos,
    List<String> allowedProviders,
    ProviderNames providerNames) {
  public static final SuiteFacts UNKNOWN =
      new SuiteFacts("", 1, List.of(), List.of(), ProviderNames.NONE);

  public SuiteFacts {
    suiteHash = suiteHash == null ? "" : suiteHash;
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, not " + threads);
    }
    slos = List.copyOf(slos);
    allowedProviders = List.copyOf(allowedProviders);
    providerNames = providerNames == null ? ProviderNames.NONE : providerNames;
  }

  public static SuiteFacts of(Suite suite) {
    return of(suite, ProviderNames.NONE);
  }

  public static SuiteFacts of(Suite suite, ProviderNames names) {
    Objects.requireNonNull(suite, "suite");
    return new SuiteFacts(
        hash(suite), suite.load().concurrency(), suite.slos(), suite.allowedProviders(), names);
  }

  /** sha256 of the suite file's bytes, or of the parsed suite when there is no readable file. */
  static String hash(Suite suite) {
    byte[] bytes = suite.toString().getBytes(StandardCharsets.UTF_8);
    Path source = suite.source();
    if (source != null && Files.isRegularFile(source)) {
      try {
        bytes = Files.readAllBytes(source);
      } catch (IOException e) {
        // keep the parsed suite's bytes: a hash of what ran is still better than none
      }
    }
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
