package dev.pitwall.client;

import java.math.BigDecimal;

/**
 * The {@code usage} object of a response. {@code cost} is null when the response carried none;
 * {@code isByok} null when absent.
 */
public record Usage(
    int promptTokens,
    int completionTokens,
    int reasoningTokens,
    int cachedTokens,
    BigDecimal cost,
    Boolean isByok) {}
