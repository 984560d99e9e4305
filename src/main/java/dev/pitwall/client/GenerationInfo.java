package dev.pitwall.client;

import java.math.BigDecimal;

/**
 * The server's own record of a generation ({@code GET /generation?id=}), to put beside the client's
 * measurements. Times in milliseconds as the API gives them; nulls where the API gave none.
 *
 * @param latencyMs OpenRouter's total latency of the request ({@code latency})
 * @param generationTimeMs the time the provider took to generate ({@code generation_time})
 * @param totalCost what OpenRouter charged ({@code total_cost}); with BYOK only its fee
 * @param upstreamInferenceCost what the provider charged under BYOK ({@code
 *     upstream_inference_cost})
 */
public record GenerationInfo(
    String id,
    String model,
    String providerName,
    Double latencyMs,
    Double generationTimeMs,
    Integer tokensPrompt,
    Integer tokensCompletion,
    BigDecimal totalCost,
    Boolean isByok,
    String finishReason,
    Boolean cancelled,
    BigDecimal upstreamInferenceCost) {

  /** What the generation cost the user: the total, plus the provider's charge under BYOK. */
  public BigDecimal userCost() {
    return Usage.userCost(totalCost, isByok, upstreamInferenceCost);
  }
}
