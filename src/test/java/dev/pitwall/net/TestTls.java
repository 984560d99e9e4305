package dev.pitwall.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate made for the test by the JDK's own {@code keytool} (no extra library),
 * as a server key store and a client trust store (the certificate alone), both PKCS12 with the
 * password {@link #PASSWORD}. One per set of names per JVM: keytool takes about a second.
 */
public final class TestTls {
  public static final String PASSWORD = "changeit";
  private static final ConcurrentHashMap<String, TestTls> MADE = new ConcurrentHashMap<>();

  private final Path keyStore;
  private final Path trustStore;

  private TestTls(Path keyStore, Path trustStore) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
  }

  /** A certificate for localhost, 127.0.0.1 and ::1. */
  public static TestTls localhost() {
    return forNames("dns:localhost,ip:127.0.0.1,ip:0:0:0:0:0:0:0:1");
  }

  /** A certificate for another host only: a client of 127.0.0.1 must refuse it. */
  public static TestTls otherHost() {
    return forNames("dns:other.example");
  }

  private static TestTls forNames(String san) {
    return MADE.computeIfAbsent(san, TestTls::make);
  }

  private static TestTls make(String san) {
    try {
      Path dir = Files.createTempDirectory("pitwall-tls");
      dir.toFile().deleteOnExit();
      Path ks = dir.resolve("server.p12");
      Path cer = dir.resolve("server.cer");
      Path ts = dir.resolve("trust.p12");
      keytool(
          "-genkeypair",
          "-alias",
          "server",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=pitwall test",
          "-ext",
          "SAN=" + san,
          "-validity",
          "2",
          "-keystore",
          ks.toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          PASSWORD,
          "-keypass",
          PASSWORD);
      keytool(
          "-exportcert",
          "-alias",
          "server",
          "-keystore",
          ks.toString(),
          "-storepass",
          PASSWORD,
          "-file",
          cer.toString());
      keytool(
          "-importcert",
          "-noprompt",
          "-alias",
          "server",
          "-file",
          cer.toString(),
          "-keystore",
          ts.toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          PASSWORD);
      for (Path p : List.of(ks, cer, ts)) {
        p.toFile().deleteOnExit();
      }
      return new TestTls(ks, ts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void keytool(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try (InputStream out = p.getInputStream()) {
      String text = new String(out.readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("keytool " + args[0] + " failed: " + text);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The trust store holding only the certificate, for {@code -Djavax.net.ssl.trustStore}. */
  public Path trustStore() {
    return trustStore;
  }

  /** The server's context: its key and certificate. */
  public SSLContext serverContext() {
    try {
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(load(keyStore), PASSWORD.toCharArray());
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(kmf.getKeyManagers(), null, null);
      return c;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client context trusting this certificate only. */
  public SSLContext clientContext() {
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(load(trustStore));
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(null, tmf.getTrustManagers(), null);
      return c;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyStore load(Path file) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    return ks;
  }
}
