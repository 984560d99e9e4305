package dev.pitwall.cli;

import dev.pitwall.client.ApiKey;
import dev.pitwall.client.ClientConfig;
import dev.pitwall.client.OpenRouterApi;
import dev.pitwall.client.ProviderLandscape;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code providers}, {@code models} and {@code endpoints} share: a target (from {@code
 * --base-url}, else the one {@link Main} resolves from {@code -Dtarget} and the key), a table or
 * CSV, and exit 3 when the target cannot answer.
 */
abstract class LandscapeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--base-url",
      description =
          "API base URL (default: ${DEFAULT-VALUE}); the key is read from OPENROUTER_API_KEY",
      defaultValue = "https://openrouter.ai/api/v1")
  URI baseUrl;

  @Option(names = "--csv", description = "Write CSV instead of a table.")
  boolean csv;

  private ClientConfig config;

  /** The target chosen by the caller; overrides {@code --base-url}. */
  public void setClientConfig(ClientConfig config) {
    this.config = config;
  }

  /** The table to print, or null after printing why there is none (exit 2). */
  abstract ProviderLandscape.Table table(OpenRouterApi api) throws OpenRouterApi.ApiException;

  @Override
  public Integer call() {
    ClientConfig target =
        config != null
            ? config
            : ClientConfig.of(
                baseUrl, ApiKey.ofNullable(System.getenv(OpenRouterApi.KEY_VARIABLE)));
    PrintWriter out = spec.commandLine().getOut();
    try (OpenRouterApi api = new OpenRouterApi(target)) {
      ProviderLandscape.Table table = table(api);
      if (table == null) {
        return ExitCode.USAGE;
      }
      ProviderLandscape.render(table, csv, out);
      return ExitCode.OK;
    } catch (OpenRouterApi.ApiException e) {
      spec.commandLine().getErr().println("pitwall " + spec.name() + ": " + e.getMessage());
      return ExitCode.UNREACHABLE;
    }
  }
}
