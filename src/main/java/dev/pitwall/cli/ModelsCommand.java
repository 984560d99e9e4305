package dev.pitwall.cli;

import dev.pitwall.client.OpenRouterApi;
import dev.pitwall.client.ProviderLandscape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pitwall models}: Lists models with context length and prices (USD per million tokens). */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Lists models with context length and prices (USD per million tokens).")
public class ModelsCommand extends LandscapeCommand {
  @Option(
      names = "--provider",
      description = "Only models of this provider (the author part of the id, e.g. openai).")
  String provider;

  public ModelsCommand() {}

  @Override
  ProviderLandscape.Table table(OpenRouterApi api) throws OpenRouterApi.ApiException {
    ProviderLandscape.Table table = ProviderLandscape.models(api.models(), provider);
    if (table.rows().isEmpty() && provider != null) {
      spec.commandLine()
          .getErr()
          .println(
              "pitwall models: no model of provider '" + provider + "'; see pitwall providers");
      return null;
    }
    return table;
  }
}
