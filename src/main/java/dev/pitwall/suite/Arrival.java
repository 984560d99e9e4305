package dev.pitwall.suite;

/** How open-loop calls are spaced. */
public enum Arrival {
  CONSTANT,
  POISSON
}
