package dev.pitwall.sim;

import java.util.random.RandomGenerator;

/**
 * How one upstream endpoint paces its answers: a lognormal time to first token around {@code
 * ttftMedianMs}, a steady output speed with per-chunk jitter, a fixed number of tokens per SSE
 * chunk and a lognormal answer length around {@code answerTokensMedian}.
 *
 * @param ttftMedianMs median time to first token, ms
 * @param ttftSigma sigma of ln(TTFT); 0 makes TTFT constant
 * @param tokensPerSecond mean output speed once the first token is out
 * @param jitter each inter-chunk gap is scaled by a uniform factor in [1 - jitter, 1 + jitter]
 * @param tokensPerChunk tokens carried by one SSE chunk (the last chunk may carry fewer)
 * @param answerTokensMedian median length of an uncut answer, tokens
 * @param answerTokensSigma sigma of ln(answer length); 0 makes every answer the same length
 */
public record LatencyModel(
    double ttftMedianMs,
    double ttftSigma,
    double tokensPerSecond,
    double jitter,
    int tokensPerChunk,
    int answerTokensMedian,
    double answerTokensSigma) {

  /** z-scores of the 75th, 90th and 99th percentiles of a standard normal distribution. */
  private static final double Z75 = 0.6744897501960817;

  private static final double Z90 = 1.2815515655446004;
  private static final double Z99 = 2.3263478740408408;

  /** Gaussian draws are clipped to ±4 sigma so one unlucky draw cannot stall a run for minutes. */
  private static final double MAX_Z = 4.0;

  public LatencyModel {
    requireRange("ttft_median_ms", ttftMedianMs, 0, 600_000);
    requireRange("ttft_sigma", ttftSigma, 0, 3);
    requireRange("tokens_per_second", tokensPerSecond, 1e-3, 1e9);
    if (tokensPerSecond <= 0) {
      throw new IllegalArgumentException("tokens_per_second must be > 0");
    }
    requireRange("jitter", jitter, 0, 0.95);
    if (tokensPerChunk < 1 || tokensPerChunk > 1000) {
      throw new IllegalArgumentException(
          "tokens_per_chunk must be in 1..1000, not " + tokensPerChunk);
    }
    if (answerTokensMedian < 1 || answerTokensMedian > 1_000_000) {
      throw new IllegalArgumentException(
          "answer_tokens_median must be in 1..1000000, not " + answerTokensMedian);
    }
    requireRange("answer_tokens_sigma", answerTokensSigma, 0, 3);
  }

  private static void requireRange(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be in " + min + ".." + max + ", not " + value);
    }
  }

  /** One time to first token, in nanoseconds. */
  public long sampleTtftNanos(RandomGenerator random) {
    double z = clippedGaussian(random);
    return Math.round(ttftMedianMs * Math.exp(ttftSigma * z) * 1_000_000.0);
  }

  /** The length the answer would have without {@code max_tokens}, at least one token. */
  public int sampleAnswerTokens(RandomGenerator random) {
    double z = clippedGaussian(random);
    long n = Math.round(answerTokensMedian * Math.exp(answerTokensSigma * z));
    return (int) Math.max(1, Math.min(n, 10_000_000));
  }

  /** The gap before a chunk of {@code tokens} tokens, in nanoseconds, with jitter. */
  public long sampleChunkGapNanos(RandomGenerator random, int tokens) {
    double factor = jitter == 0 ? 1.0 : 1.0 + jitter * (2 * random.nextDouble() - 1);
    return Math.round(tokens / tokensPerSecond * factor * 1e9);
  }

  /** A percentile (50, 75, 90 or 99) of the TTFT distribution in ms, as /endpoints reports it. */
  public double ttftPercentileMs(int percentile) {
    return ttftMedianMs * Math.exp(ttftSigma * zOf(percentile));
  }

  private static double zOf(int percentile) {
    return switch (percentile) {
      case 50 -> 0;
      case 75 -> Z75;
      case 90 -> Z90;
      case 99 -> Z99;
      default -> throw new IllegalArgumentException("percentile 50, 75, 90 or 99: " + percentile);
    };
  }

  private static double clippedGaussian(RandomGenerator random) {
    double z = random.nextGaussian();
    return Math.max(-MAX_Z, Math.min(MAX_Z, z));
  }
}
