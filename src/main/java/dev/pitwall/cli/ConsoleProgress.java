package dev.pitwall.cli;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.runner.ProgressListener;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * Calls done / planned, errors and spend with an ETA: a progress bar on a terminal, a line every
 * few seconds otherwise (CI logs), so the output stays readable in both.
 */
final class ConsoleProgress implements ProgressListener {
  private static final long LINE_EVERY_NS = Duration.ofSeconds(5).toNanos();

  /**
   * Offscreen draws before the real bar: past the JIT's thresholds for the renderer's code, the
   * last of them (C2's, about 5,000 calls counted from the first, C1, compilation) included: with
   * 5,000 draws, a method called once a draw was compiled again by C2 in the measured calls.
   */
  private static final int PRIMING_DRAWS = 20_000;

  /** How often the bar's count and message (iteration, errors, spend) are brought up to date. */
  private static final long EXTRA_EVERY_NS = Duration.ofMillis(100).toNanos();

  private final PrintStream out;
  private final boolean terminal;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong lastLineNs = new AtomicLong();
  private final AtomicLong lastExtraNs = new AtomicLong();
  private volatile BigDecimal spent = BigDecimal.ZERO;
  private final dev.pitwall.time.Ticker ticker;
  private volatile long planned;
  private volatile String iteration = "";
  private volatile ProgressBar bar;

  ConsoleProgress(PrintStream out, boolean terminal, dev.pitwall.time.Ticker ticker) {
    this.out = out;
    this.terminal = terminal;
    this.ticker = ticker;
  }

  @Override
  public void started(long plannedCalls) {
    planned = plannedCalls;
    lastLineNs.set(ticker.nanos());
    lastExtraNs.set(ticker.nanos() - EXTRA_EVERY_NS);
    if (terminal && plannedCalls > 0) {
      // The width is asked once: the library otherwise asks at every redraw, which on most
      // terminals runs `stty` in a new process beside the calls being timed.
      int width = new ConsoleProgressBarConsumer(out).getMaxRenderedLength();
      primeRenderer(plannedCalls, width);
      bar =
          barOf(plannedCalls)
              .setConsumer(new ConsoleProgressBarConsumer(out, width))
              // Once a second, the library's default: each redraw wakes a thread and the
              // terminal beside the calls being timed (bench-truth.sh measures the effect).
              .setUpdateIntervalMillis(1000)
              .build();
    }
  }

  /** The bar as drawn, both the real one and the offscreen one that primes its renderer. */
  private static ProgressBarBuilder barOf(long plannedCalls) {
    return new ProgressBarBuilder()
        .setTaskName("calls")
        .setInitialMax(plannedCalls)
        .setStyle(ProgressBarStyle.ASCII)
        .setEtaFunction(ConsoleProgress::eta);
  }

  /**
   * The library's linear ETA, in a double instead of {@link Duration#dividedBy(long)}: that one
   * goes through BigDecimal and BigInteger, whose paths change with the elapsed time's size (one
   * word of nanoseconds up to 4.3 s, two past it), so the offscreen draws, all in the first second,
   * could not prime it and the JIT compiled it once a run among the calls being timed.
   */
  private static Optional<Duration> eta(ProgressState state) {
    if (state.isIndefinite()) {
      return Optional.empty();
    }
    return eta(
        state.getElapsedAfterStart().toNanos(),
        state.getCurrent() - state.getStart(),
        state.getMax() - state.getCurrent());
  }

  /** Time left at the pace so far: {@code remaining} more steps of {@code elapsed / done} each. */
  static Optional<Duration> eta(long elapsedNanos, long done, long remaining) {
    if (done <= 0 || remaining < 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos((long) ((double) elapsedNanos / done * remaining)));
  }

  /**
   * Draws a bar {@link #PRIMING_DRAWS} times into nothing before the real one, through the real
   * bar's consumer (a console's, printing to a stream that discards) and with the real message and
   * its money rounding: drawn once a second, the renderer's code would otherwise be compiled
   * piecemeal through the whole run, beside the calls being timed (the largest group of
   * compilations left after the run's own priming, docs/performance.md).
   */
  private static void primeRenderer(long plannedCalls, int width) {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    try (ProgressBar offscreen =
        barOf(plannedCalls)
            .setConsumer(new ConsoleProgressBarConsumer(nowhere, width))
            .setUpdateIntervalMillis(Integer.MAX_VALUE)
            .build()) {
      BigDecimal spent = BigDecimal.ZERO;
      BigDecimal perDraw = new BigDecimal("0.0000123");
      for (int i = 1; i <= PRIMING_DRAWS; i++) {
        spent = spent.add(perDraw);
        offscreen.stepTo(i % plannedCalls);
        offscreen.setExtraMessage(extra("iteration " + i + "/" + PRIMING_DRAWS, i % 3, spent));
        offscreen.refresh();
      }
    }
  }

  @Override
  public void iterationStarted(int iteration, int of, boolean warmup) {
    this.iteration = (warmup ? "warmup " : "iteration ") + iteration + "/" + of;
    lastExtraNs.set(ticker.nanos() - EXTRA_EVERY_NS); // the next call shows the new iteration
    if (!terminal) {
      out.println("# " + this.iteration);
    }
  }

  @Override
  public void callEnded(CallRecord last, BigDecimal spentUsd) {
    long n = done.incrementAndGet();
    if (last.outcome().isFailure() || last.outcome() == dev.pitwall.metrics.Outcome.THROTTLED) {
      errors.incrementAndGet();
    }
    spent = spentUsd;
    ProgressBar b = bar;
    if (b != null) {
      // The bar is drawn once a second: it needs its count and message (a string and a money
      // rounding) only a few times between redraws, not for each of thousands of calls a second,
      // where its count alone, a lock of the library's, had every worker queue behind it.
      long now = ticker.nanos();
      long prev = lastExtraNs.get();
      if ((now - prev >= EXTRA_EVERY_NS || n == planned) && lastExtraNs.compareAndSet(prev, now)) {
        b.stepTo(done.get());
        b.setExtraMessage(extra());
      }
      return;
    }
    long now = ticker.nanos();
    long prev = lastLineNs.get();
    if ((now - prev >= LINE_EVERY_NS || n == planned) && lastLineNs.compareAndSet(prev, now)) {
      out.printf("  %d%s calls, %s%n", n, planned > 0 ? "/" + planned : "", extra());
    }
  }

  private String extra() {
    return extra(iteration, errors.get(), spent);
  }

  private static String extra(String iteration, long errors, BigDecimal spentUsd) {
    return iteration + ", errors " + errors + ", $" + money(spentUsd);
  }

  @Override
  public void finished() {
    ProgressBar b = bar;
    if (b != null) {
      b.stepTo(done.get()); // the last calls' count, errors and spend, whenever they came
      b.setExtraMessage(extra());
      b.close();
    }
  }

  private static String money(BigDecimal usd) {
    return usd.setScale(4, RoundingMode.HALF_UP).toPlainString();
  }
}
