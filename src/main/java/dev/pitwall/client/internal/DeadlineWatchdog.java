package dev.pitwall.client.internal;

import dev.pitwall.time.Ticker;
import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread that closes a socket whose blocking operation outlived its deadline, so sockets can
 * block in the kernel with no timeout of their own (OkHttp's {@code AsyncTimeout} works this way).
 *
 * <p>Why not socket timeouts: in JDK 17 one read with {@code SO_TIMEOUT} (or one timed connect)
 * turns {@code NioSocketImpl}'s socket non-blocking for good, and every later read becomes read
 * (nothing yet), poll, read: three system calls and a park where a blocking read makes one. At tens
 * of thousands of calls a second that was a tenth of the client's time.
 *
 * <p>Arming costs a volatile write on the calling thread; the watchdog is woken only when a new
 * deadline is earlier than the one it sleeps until, which for deadlines of seconds is almost never.
 * It sleeps until the earliest armed deadline, so a deadline fires when it passes, not on a tick. A
 * fired guard's socket is closed, which makes the blocked operation throw; the caller learns from
 * {@link Guard#disarm} that the cause was its deadline, and reports a timeout.
 */
final class DeadlineWatchdog implements AutoCloseable {
  /** How long the watchdog sleeps when no deadline is armed; arming wakes it when sooner. */
  private static final long IDLE_PARK_NANOS = 1_000_000_000L;

  private static final long UNARMED = Long.MIN_VALUE;
  private static final long FIRED = Long.MIN_VALUE + 1;

  private final Ticker ticker;
  private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  private volatile long wakeAt;
  private volatile boolean scanning = true;
  private volatile boolean closed;

  DeadlineWatchdog(Ticker ticker) {
    this.ticker = ticker;
    this.wakeAt = ticker.nanos();
    this.thread = new Thread(this::watch, "pitwall-deadlines");
    thread.setDaemon(true);
    thread.start();
  }

  /** A guard for {@code socket}, closed when an armed deadline passes; released with the socket. */
  Guard guard(Socket socket) {
    Guard g = new Guard(socket);
    guards.add(g);
    return g;
  }

  private void watch() {
    while (!closed) {
      scanning = true; // an arm from now on wakes the next park: this scan may have passed it
      long now = ticker.nanos();
      long next = now + IDLE_PARK_NANOS;
      for (Guard g : guards) {
        long at = g.deadline.get();
        if (at == UNARMED || at == FIRED) {
          continue;
        }
        if (at - now <= 0) {
          if (g.deadline.compareAndSet(at, FIRED)) {
            g.fire();
          }
        } else if (at - next < 0) {
          next = at;
        }
      }
      wakeAt = next;
      scanning = false;
      long wait = next - ticker.nanos();
      if (wait > 0) {
        LockSupport.parkNanos(this, wait);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
  }

  /** One socket's deadline: armed around each blocking operation, disarmed after it. */
  final class Guard {
    private final AtomicLong deadline = new AtomicLong(UNARMED);
    private final Socket socket;

    private Guard(Socket socket) {
      this.socket = socket;
    }

    /** The operation about to block must end within {@code timeoutNanos}. */
    void arm(long timeoutNanos) {
      long at = ticker.nanos() + timeoutNanos;
      deadline.set(at);
      if (scanning || at - wakeAt < 0) {
        LockSupport.unpark(thread);
      }
    }

    /**
     * Ends the armed operation; true when its deadline passed first, in which case the socket is
     * closed (or being closed) and the operation is a timeout whatever it returned or threw.
     */
    boolean disarm() {
      return deadline.getAndSet(UNARMED) == FIRED;
    }

    /** The socket is gone: nothing to watch any more. */
    void release() {
      guards.remove(this);
    }

    private void fire() {
      try {
        socket.close(); // wakes the thread blocked on it, which then throws
      } catch (IOException ignored) {
        // closing is best effort: the socket is useless either way
      }
    }
  }
}
