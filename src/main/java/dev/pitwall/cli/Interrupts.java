package dev.pitwall.cli;

import dev.pitwall.runner.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Ctrl-C into a {@link StopSignal}: the first SIGINT stops scheduling and lets the run write
 * what it measured; a second one exits at once. Uses {@code sun.misc.Signal} where available so the
 * JVM (and Maven, under exec:java) is not torn down before the results are written.
 */
final class Interrupts {
  private static final Logger log = LoggerFactory.getLogger(Interrupts.class);

  private Interrupts() {}

  static void stopOnSigint(StopSignal stop) {
    try {
      sun.misc.Signal.handle(
          new sun.misc.Signal("INT"),
          sig -> {
            if (stop.isStopped()) {
              log.warn("second interrupt: exiting without waiting");
              Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
            }
            log.warn("interrupted: finishing calls in flight, then writing partial results");
            stop.stop("interrupted (SIGINT)");
          });
    } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
      log.debug("SIGINT handler unavailable ({}); Ctrl-C will end the JVM", e.toString());
    }
  }
}
