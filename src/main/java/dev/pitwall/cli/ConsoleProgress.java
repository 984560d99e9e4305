package dev.pitwall.cli;

import dev.pitwall.metrics.CallRecord;
import dev.pitwall.runner.ProgressListener;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Calls done / planned, errors and spend with an ETA: a progress bar on a terminal, a line every
 * few seconds otherwise (CI logs), so the output stays readable in both.
 */
final class ConsoleProgress implements ProgressListener {
  private static final long LINE_EVERY_NS = Duration.ofSeconds(5).toNanos();

  private final PrintStream out;
  private final boolean terminal;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong lastLineNs = new AtomicLong();
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
    if (terminal && plannedCalls > 0) {
      bar =
          new ProgressBarBuilder()
              .setTaskName("calls")
              .setInitialMax(plannedCalls)
              .setStyle(ProgressBarStyle.ASCII)
              // The width is asked once: the library otherwise asks at every redraw, which on
              // most terminals runs `stty` in a new process beside the calls being timed.
              .setConsumer(
                  new ConsoleProgressBarConsumer(
                      out, new ConsoleProgressBarConsumer(out).getMaxRenderedLength()))
              // Once a second, the library's default: each redraw wakes a thread and the
              // terminal beside the calls being timed (bench-truth.sh measures the effect).
              .setUpdateIntervalMillis(1000)
              .build();
    }
  }

  @Override
  public void iterationStarted(int iteration, int of, boolean warmup) {
    this.iteration = (warmup ? "warmup " : "iteration ") + iteration + "/" + of;
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
    String extra = iteration + ", errors " + errors.get() + ", $" + money(spentUsd);
    ProgressBar b = bar;
    if (b != null) {
      b.stepTo(n);
      b.setExtraMessage(extra);
      return;
    }
    long now = ticker.nanos();
    long prev = lastLineNs.get();
    if ((now - prev >= LINE_EVERY_NS || n == planned) && lastLineNs.compareAndSet(prev, now)) {
      out.printf("  %d%s calls, %s%n", n, planned > 0 ? "/" + planned : "", extra);
    }
  }

  @Override
  public void finished() {
    ProgressBar b = bar;
    if (b != null) {
      b.close();
    }
  }

  private static String money(BigDecimal usd) {
    return usd.setScale(4, RoundingMode.HALF_UP).toPlainString();
  }
}
