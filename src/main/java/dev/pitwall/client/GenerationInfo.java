package dev.pitwall.client;

import java.math.BigDecimal;

/**
 * The server's own record of a generation ({@code GET /generation?id=}), to put beside the client's
 * measurements. Times in milliseconds as the API gives them; nulls where the API gave none.
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
    Boolean cancelled) {}
