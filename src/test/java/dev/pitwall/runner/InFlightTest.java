package dev.pitwall.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void aGroupOfRacersTakesOnePlaceUntilTheLastOfThemEnds() throws Exception {
    InFlight inFlight = new InFlight(1);
    CountDownLatch firstEnded = new CountDownLatch(1);
    CountDownLatch releaseSecond = new CountDownLatch(1);
    Runnable quick = firstEnded::countDown;
    Runnable slow =
        () -> {
          try {
            releaseSecond.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    assertThat(inFlight.submit(threads, List.of(quick, slow), () -> false)).isTrue();
    assertThat(firstEnded.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(inFlight.awaitIdle(50, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(inFlight.submit(threads, () -> {}, () -> true)).isFalse(); // no room: gave up

    releaseSecond.countDown();
    assertThat(inFlight.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
    assertThat(inFlight.submit(threads, () -> {}, () -> true)).isTrue();
  }

  @Test
  void cancelAllInterruptsEveryRacer() throws Exception {
    InFlight inFlight = new InFlight(4);
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch interrupted = new CountDownLatch(2);
    Runnable waiter =
        () -> {
          started.countDown();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
        };
    inFlight.submit(threads, List.of(waiter, waiter), () -> false);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    inFlight.cancelAll();
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(inFlight.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
  }
}
