package dev.pitwall.time;

import java.util.concurrent.TimeUnit;

enum SystemSleeper implements Sleeper {
  INSTANCE;

  @Override
  public void sleepNanos(long nanos) throws InterruptedException {
    if (nanos > 0) {
      TimeUnit.NANOSECONDS.sleep(nanos);
    }
  }
}
