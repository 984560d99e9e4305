package dev.pitwall.cli;

import dev.pitwall.runner.StopSignal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
    Runnable onSigint =
        () -> {
          if (stop.isStopped()) {
            log.warn("second interrupt: exiting without waiting");
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
          }
          log.warn("interrupted: finishing calls in flight, then writing partial results");
          stop.stop("interrupted (SIGINT)");
        };
    try {
      // sun.misc.Signal.handle(new Signal("INT"), sig -> onSigint.run()), by reflection: javac's
      // "internal proprietary API" warning can't be suppressed and main code compiles with -Werror.
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Object handler =
          Proxy.newProxyInstance(
              Interrupts.class.getClassLoader(),
              new Class<?>[] {handlerType},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "handle" -> {
                      onSigint.run();
                      yield null;
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "pitwall SIGINT handler";
                  });
      signal
          .getMethod("handle", signal, handlerType)
          .invoke(null, signal.getConstructor(String.class).newInstance("INT"), handler);
    } catch (InvocationTargetException e) {
      log.debug(
          "SIGINT handler unavailable ({}); Ctrl-C will end the JVM", e.getCause().toString());
    } catch (ReflectiveOperationException
        | IllegalArgumentException
        | UnsupportedOperationException
        | LinkageError e) {
      log.debug("SIGINT handler unavailable ({}); Ctrl-C will end the JVM", e.toString());
    }
  }
}
