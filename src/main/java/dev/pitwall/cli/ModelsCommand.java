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

/** {@code pitwall models}: Lists models with context length and prices (USD per million tokens). */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Lists models with context length and prices (USD per million tokens).")
public class ModelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--base-url",
      description =
          "API base URL (default: ${DEFAULT-VALUE}); the key is read from OPENROUTER_API_KEY",
      defaultValue = "https://openrouter.ai/api/v1")
  URI baseUrl;

  @Option(names = "--csv", description = "Write CSV instead of a table.")
  boolean csv;

  @Option(
      names = "--provider",
      description = "Only models of this provider (the author part of the id, e.g. openai).")
  String provider;

  private ClientConfig config;

  public ModelsCommand() {}

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
      ProviderLandscape.Table table = ProviderLandscape.models(api.models(), provider);
      if (table.rows().isEmpty() && provider != null) {
        spec.commandLine()
            .getErr()
            .println(
                "pitwall models: no model of provider '" + provider + "'; see pitwall providers");
        return 2;
      }
      ProviderLandscape.render(table, csv, out);
      return 0;
    } catch (OpenRouterApi.ApiException e) {
      spec.commandLine().getErr().println("pitwall models: " + e.getMessage());
      return 3;
    }
  }
}
