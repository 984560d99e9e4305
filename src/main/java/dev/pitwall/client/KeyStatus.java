package dev.pitwall.client;

import java.math.BigDecimal;

/**
 * What {@code GET /key} said about the API key, checked before any measurement so a bad key ends a
 * run with exit 3 instead of a run of 401s.
 *
 * @param httpStatus 0 when the target could not be reached
 * @param message why the key is not usable (null when it is); never contains the key
 * @param label the masked key the server reports, e.g. {@code sk-or-v1-au7...890}
 * @param limitRemaining credit left under the key's limit, null when unlimited or unknown
 */
public record KeyStatus(
    boolean valid,
    int httpStatus,
    String message,
    String label,
    BigDecimal limitRemaining,
    Boolean freeTier) {}
