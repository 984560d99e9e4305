package dev.pitwall.cli;

import dev.pitwall.client.ApiKey;
import dev.pitwall.client.ClientConfig;
import dev.pitwall.client.OpenRouterApi;
import dev.pitwall.client.ProviderLandscape;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pitwall providers}: Lists the providers (model authors) of /models and their model counts,
 * most first.
 */
@Command(
    name = "providers",
    mixinStandardHelpOptions = true,
    description =
        "Lists the providers (model authors) of /models and their model counts, most first.")
public class ProvidersCommand implements Callable<Integer> {
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

  public ProvidersCommand() {}

  /** The target chosen by the caller; overrides {@code --base-url}. */
  public void setClientConfig(ClientConfig config) {
    this.config = config;
  }

  @Override
  public Integer call() {
    ClientConfig target =
        config != null
            ? config
            : ClientConfig.of(
                baseUrl, ApiKey.ofNullable(System.getenv(OpenRouterApi.KEY_VARIABLE)));
    PrintWriter out = spec.commandLine().getOut();
    try (OpenRouterApi api = new OpenRouterApi(target)) {
      ProviderLandscape.Table table = ProviderLandscape.providers(api.models());
      ProviderLandscape.render(table, csv, out);
      return 0;
    } catch (OpenRouterApi.ApiException e) {
      spec.commandLine().getErr().println("pitwall providers: " + e.getMessage());
      return 3;
    }
  }
}
