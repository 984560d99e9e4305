package dev.pitwall.sim.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic pseudo-text: the same seed, model and prompt give the same tokens, so answers
 * repeat like a temperature-0 model's. Every token is one word with its leading space, or a full
 * stop; nothing needs JSON escaping.
 */
public final class TextGenerator {
  private static final String[] WORDS = {
    "the",
    "system",
    "consistency",
    "availability",
    "partition",
    "tolerance",
    "network",
    "node",
    "replica",
    "data",
    "request",
    "latency",
    "trade",
    "off",
    "between",
    "guarantee",
    "every",
    "read",
    "write",
    "returns",
    "most",
    "recent",
    "value",
    "error",
    "cluster",
    "failure",
    "can",
    "cannot",
    "must",
    "choose",
    "two",
    "of",
    "three",
    "properties",
    "when",
    "a",
    "an",
    "in",
    "is",
    "are",
    "that",
    "this",
    "with",
    "without",
    "during",
    "after",
    "before",
    "model",
    "strong",
    "eventual",
    "quorum",
    "leader",
    "follower",
    "log",
    "commit",
    "state",
    "machine",
    "clock",
    "message",
    "delay",
    "timeout",
    "service",
    "database",
    "transaction",
    "isolation",
    "operation",
    "response",
    "client",
    "server",
    "storage",
    "shard",
    "region",
    "copy",
    "update",
    "conflict",
    "resolution",
    "design",
    "practice",
    "theorem",
    "proof",
    "formal",
    "informal",
    "example",
    "therefore",
    "however",
    "because",
    "so",
    "and",
    "or",
    "not",
    "for",
    "to",
    "on",
    "by",
    "as",
  };

  private static final String[] SPACED_WORDS =
      Arrays.stream(WORDS).map(w -> " " + w).toArray(String[]::new);

  private TextGenerator() {}

  /**
   * {@code count} tokens forming the JSON object {@code {"answer":"…"}} (the first and last tokens
   * are its braces), so a cut answer is invalid JSON, as a real one would be.
   */
  public static List<String> jsonTokens(long seed, String modelId, long promptHash, int count) {
    List<String> tokens = new ArrayList<>(Math.max(count, 2));
    tokens.add("{\"answer\":\"");
    tokens.addAll(tokens(seed, modelId, promptHash, Math.max(0, count - 2)));
    tokens.add("\"}");
    return count < 2 ? tokens.subList(0, count) : tokens;
  }

  /** {@code count} tokens of text; sentences end with a full stop every 6 to 17 words. */
  public static List<String> tokens(long seed, String modelId, long promptHash, int count) {
    SplittableRandom random =
        new SplittableRandom(Seeds.mix(seed, modelId.hashCode() * 31L + promptHash));
    List<String> tokens = new ArrayList<>(count);
    boolean capitalise = true;
    int untilStop = 6 + random.nextInt(12);
    while (tokens.size() < count) {
      if (untilStop == 0) {
        tokens.add(".");
        capitalise = true;
        untilStop = 6 + random.nextInt(12);
        continue;
      }
      int w = random.nextInt(WORDS.length);
      String word = WORDS[w];
      if (capitalise) {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        capitalise = false;
        tokens.add(tokens.isEmpty() ? word : " " + word);
      } else {
        // Most tokens are a lower-case word after a space: shared strings, no allocation.
        tokens.add(tokens.isEmpty() ? word : SPACED_WORDS[w]);
      }
      untilStop--;
    }
    return tokens;
  }
}
