package dev.pitwall.cli;

import dev.pitwall.client.OpenRouterApi;
import dev.pitwall.client.ProviderLandscape;
import picocli.CommandLine.Command;

/**
 * {@code pitwall providers}: Lists the providers (model authors) of /models and their model counts,
 * most first.
 */
@Command(
    name = "providers",
    mixinStandardHelpOptions = true,
    description =
        "Lists the providers (model authors) of /models and their model counts, most first.")
public class ProvidersCommand extends LandscapeCommand {

  public ProvidersCommand() {}

  @Override
  ProviderLandscape.Table table(OpenRouterApi api) throws OpenRouterApi.ApiException {
    return ProviderLandscape.providers(api.models());
  }
}
