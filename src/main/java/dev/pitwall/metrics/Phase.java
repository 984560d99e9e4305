package dev.pitwall.metrics;

/** JMH's iteration kinds: warmup results are recorded in requests.csv but never scored. */
public enum Phase {
  WARMUP,
  MEASUREMENT
}
