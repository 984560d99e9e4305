package dev.pitwall.runner;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for calls in flight. On Java 21+ each call gets a virtual thread (found reflectively: the
 * build targets Java 17); on 17, a cached pool of platform daemon threads.
 */
final class WorkerThreads {
  private WorkerThreads() {}

  static ExecutorService newExecutor(String name) {
    try {
      Method m = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) m.invoke(null);
    } catch (ReflectiveOperationException e) {
      return Executors.newCachedThreadPool(daemonThreads(name));
    }
  }

  static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
