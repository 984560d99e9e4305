package dev.pitwall.runner;

import dev.pitwall.client.GenerationInfo;
import java.io.IOException;
import java.util.Optional;

/** Finds OpenRouter's record of a generation by id ({@code GET /generation}); empty if none. */
@FunctionalInterface
public interface GenerationLookup {
  Optional<GenerationInfo> find(String generationId) throws IOException, InterruptedException;
}
