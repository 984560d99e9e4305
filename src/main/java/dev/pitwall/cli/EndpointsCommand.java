package dev.pitwall.cli;

import dev.pitwall.client.OpenRouterApi;
import dev.pitwall.client.ProviderLandscape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code pitwall endpoints}: Lists the upstream providers serving MODEL with prices, quantisation,
 * uptime and speed.
 */
@Command(
    name = "endpoints",
    mixinStandardHelpOptions = true,
    description =
        "Lists the upstream providers serving MODEL with prices, quantisation, uptime and speed.")
public class EndpointsCommand extends LandscapeCommand {
  @Parameters(index = "0", paramLabel = "MODEL", description = "A model id, e.g. openai/gpt-4o.")
  String model;

  public EndpointsCommand() {}

  @Override
  ProviderLandscape.Table table(OpenRouterApi api) throws OpenRouterApi.ApiException {
    return ProviderLandscape.endpoints(api.endpoints(model));
  }
}
