package dev.pitwall.sim.internal;

import dev.pitwall.sim.SimEndpoint;

/** One upstream attempt of a call: the generation record's {@code provider_responses[]}. */
public record Attempt(String modelId, SimEndpoint endpoint, int status, long latencyNanos) {}
