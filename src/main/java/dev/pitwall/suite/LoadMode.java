package dev.pitwall.suite;

/**
 * Closed loop: N workers, each sends its next call when the last ends. Open loop: calls on a
 * schedule.
 */
public enum LoadMode {
  CLOSED,
  OPEN
}
