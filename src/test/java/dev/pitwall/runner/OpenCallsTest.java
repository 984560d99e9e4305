package dev.pitwall.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.metrics.Phase;
import dev.pitwall.suite.Iterations;
import dev.pitwall.suite.Limits;
import dev.pitwall.suite.Retries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OpenCallsTest {
  private static final long START = 5_000;

  private static IterationCalls calls(int count) {
    return new IterationCalls(
        RunnerTest.plan(new Iterations(0, 1, count), Limits.NONE, Retries.NONE, "a/x"),
        0,
        Phase.MEASUREMENT,
        new FakeTime());
  }

  @Test
  void takesCallsInScheduleOrderOnlyOnceDueAcrossWindowsOfFireTimes() {
    int count = OpenCalls.WINDOW * 2 + 10;
    OpenCalls open = new OpenCalls(calls(count), Schedule.constant(1000), START); // 1 ms apart
    assertThat(open.take(START - 1)).isNull(); // the first fires at START
    for (long k = 0; k < count; k++) {
      long at = START + k * 1_000_000;
      assertThat(open.nextFireAt()).hasValue(at);
      assertThat(open.take(at - 1)).isNull();
      OpenCalls.Taken taken = open.take(at);
      assertThat(taken.fireAt()).isEqualTo(at);
      assertThat(taken.call().callId()).isEqualTo(k + 1);
    }
    assertThat(open.nextFireAt()).isEmpty();
    assertThat(open.take(Long.MAX_VALUE / 2)).isNull();
    assertThat(open.close()).isEqualTo(count);
  }

  @Test
  void theScheduleIsTheSameWhoeverFillsIt() {
    int count = OpenCalls.WINDOW + 100;
    OpenCalls open = new OpenCalls(calls(count), Schedule.poisson(1000, 7), START);
    Schedule same = Schedule.poisson(1000, 7);
    for (int k = 0; k < count; k++) {
      assertThat(open.take(Long.MAX_VALUE / 2).fireAt()).isEqualTo(START + same.nextFireTimeNs());
    }
  }

  @Test
  void nothingIsTakenAfterCloseWhichSaysWhereTakingStopped() {
    OpenCalls open = new OpenCalls(calls(10), Schedule.constant(1000), START);
    open.take(Long.MAX_VALUE / 2);
    open.take(Long.MAX_VALUE / 2);
    assertThat(open.close()).isEqualTo(2);
    assertThat(open.take(Long.MAX_VALUE / 2)).isNull();
    assertThat(open.nextFireAt()).isEmpty();
    assertThat(open.close()).isEqualTo(2);
  }

  @Test
  void aCallFiringAtOrPastATimeBoundIterationsDeadlineIsNotTaken() {
    FakeTime time = new FakeTime();
    IterationCalls calls =
        new IterationCalls(
            RunnerTest.plan(
                new Iterations(0, 1, Iterations.UNBOUNDED, Duration.ofMillis(3)),
                Limits.NONE,
                Retries.NONE,
                "a/x"),
            0,
            Phase.MEASUREMENT,
            time);
    OpenCalls open = new OpenCalls(calls, Schedule.constant(1000), time.nanos());
    List<Long> taken = new ArrayList<>();
    for (OpenCalls.Taken t = open.take(Long.MAX_VALUE / 2);
        t != null;
        t = open.take(Long.MAX_VALUE / 2)) {
      taken.add(t.fireAt() - time.nanos());
    }
    assertThat(taken).containsExactly(0L, 1_000_000L, 2_000_000L);
    assertThat(open.nextFireAt()).isEmpty();
  }

  @Test
  void takersThatFallBehindTheNewestWindowRetryInsteadOfReadingIt() throws Exception {
    // A taker that read its index just before others took the rest of that window and the whole
    // next one meets a newest window past its index: it must look again, not read outside it.
    int count = OpenCalls.WINDOW * 40;
    OpenCalls open = new OpenCalls(calls(count), Schedule.constant(1e9), START);
    ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
    int threads = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = takers(pool, threads, open, go, ids, open::nextFireAt);
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      assertThat(ids).hasSize(count).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void racingTakersAndACloseShareTheCallsWithoutLossOrRepeat() throws Exception {
    int count = OpenCalls.WINDOW * 3;
    OpenCalls open = new OpenCalls(calls(count), Schedule.poisson(1_000_000, 3), START);
    ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
    int threads = 4;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = takers(pool, threads, open, go, ids, () -> {});
      go.countDown();
      while (ids.size() < count / 2) {
        Thread.onSpinWait();
      }
      long firstNotTaken = open.close();
      for (Future<?> f : done) {
        f.get();
      }
      // every call before the close's index was taken exactly once, none after it
      assertThat(ids).hasSize((int) firstNotTaken).doesNotHaveDuplicates();
      assertThat(ids.stream().mapToLong(Long::longValue).max().orElse(0)).isEqualTo(firstNotTaken);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Starts {@code threads} takers that wait for {@code go}, then take every call they can, adding
   * each one's id to {@code ids} and running {@code afterEach} after it.
   */
  private static List<Future<?>> takers(
      ExecutorService pool,
      int threads,
      OpenCalls open,
      CountDownLatch go,
      Queue<Long> ids,
      Runnable afterEach) {
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (OpenCalls.Taken c = open.take(Long.MAX_VALUE / 2);
                    c != null;
                    c = open.take(Long.MAX_VALUE / 2)) {
                  ids.add(c.call().callId());
                  afterEach.run();
                }
                return null;
              }));
    }
    return done;
  }
}
