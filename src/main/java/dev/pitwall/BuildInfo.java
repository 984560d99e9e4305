package dev.pitwall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** pitwall's version, Java's, and the git commit of the working directory when there is one. */
public final class BuildInfo {
  private BuildInfo() {}

  public static String pitwallVersion() {
    String v = BuildInfo.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  public static String javaVersion() {
    return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
  }

  /** The commit checked out in the current directory, or "unknown" outside a git work tree. */
  public static String gitSha() {
    try {
      Process p =
          new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
        return out;
      }
    } catch (IOException e) {
      // git is not installed: the SHA is simply unknown.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "unknown";
  }
}
