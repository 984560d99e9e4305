package dev.pitwall.runner;

import dev.pitwall.time.Sleeper;
import dev.pitwall.time.Ticker;
import java.util.ArrayList;
import java.util.List;

/** A ticker that moves only when slept on, and records every sleep: exact, instant time. */
final class FakeTime implements Ticker, Sleeper {
  private long now;
  final List<Long> sleeps = new ArrayList<>();

  @Override
  public synchronized long nanos() {
    return now;
  }

  @Override
  public synchronized void sleepNanos(long nanos) {
    sleeps.add(nanos);
    if (nanos > 0) {
      now += nanos;
    }
  }

  synchronized void advance(long nanos) {
    now += nanos;
  }
}
