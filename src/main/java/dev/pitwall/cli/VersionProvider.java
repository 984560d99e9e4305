package dev.pitwall.cli;

import dev.pitwall.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** What {@code pitwall --version} prints. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "pitwall " + BuildInfo.pitwallVersion(), "Java " + BuildInfo.javaVersion()
    };
  }
}
