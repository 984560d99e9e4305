package dev.pitwall.time;

/** The only place in pitwall that reads {@link System#nanoTime()}. */
enum SystemTicker implements Ticker {
  INSTANCE;

  @Override
  public long nanos() {
    return System.nanoTime();
  }
}
