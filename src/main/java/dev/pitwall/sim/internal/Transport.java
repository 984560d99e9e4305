package dev.pitwall.sim.internal;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Locale;

/**
 * The simulator's event-loop transport, and the wake-up grid that suits it.
 *
 * <p>Netty's native epoll transport arms a timerfd with the exact nanosecond deadline of the next
 * scheduled task (for deadlines under its 10 ms threshold), so a token leaves within the wake-up
 * latency of its due time; its wake-ups share a 0.1 ms grid. NIO's selector only takes whole
 * milliseconds and busy-polls {@code selectNow()} when the deadline is under half a millisecond
 * away: with each stream at its own sub-millisecond deadline that poll ran almost all the time (two
 * I/O threads at ~0.5 core each for 10,000 events/s), so on NIO wake-ups share a 1 ms grid. On a 1
 * ms grid the loop selects about 1 ms ahead, and that rounds to a wake just after the deadline
 * instead of a spin. Epoll is used where Netty's native library loads (Linux x86_64); NIO
 * everywhere else. The system property {@code pitwall.sim.transport} ({@code auto}, {@code epoll},
 * {@code nio}) overrides the choice, for benchmarks that compare the two.
 */
public enum Transport {
  EPOLL(100_000L),
  NIO(1_000_000L);

  /** The system property that overrides the automatic choice. */
  public static final String PROPERTY = "pitwall.sim.transport";

  private final long wakeGridNanos;

  Transport(long wakeGridNanos) {
    this.wakeGridNanos = wakeGridNanos;
  }

  /** Epoll when available, unless {@link #PROPERTY} says otherwise. */
  public static Transport choose() {
    String wanted = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    return switch (wanted) {
      case "nio" -> NIO;
      case "epoll" -> {
        if (!Epoll.isAvailable()) {
          throw new IllegalStateException(
              "-D"
                  + PROPERTY
                  + "=epoll, but Netty's native epoll is unavailable here: "
                  + Epoll.unavailabilityCause());
        }
        yield EPOLL;
      }
      case "auto" -> Epoll.isAvailable() ? EPOLL : NIO;
      default ->
          throw new IllegalArgumentException(
              "-D" + PROPERTY + "=" + wanted + ": expected auto, epoll or nio");
    };
  }

  public IoHandlerFactory ioHandlerFactory() {
    return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  public Class<? extends ServerChannel> serverChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  /** Wake-ups are rounded up to a multiple of this, so streams due close together share one. */
  public long wakeGridNanos() {
    return wakeGridNanos;
  }
}
