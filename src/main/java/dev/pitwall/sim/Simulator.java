package dev.pitwall.sim;

import dev.pitwall.sim.internal.BodyLimit;
import dev.pitwall.sim.internal.HttpHandler;
import dev.pitwall.sim.internal.KeepAliveTimeout;
import dev.pitwall.sim.internal.LoopPacker;
import dev.pitwall.sim.internal.RequestTimeout;
import dev.pitwall.sim.internal.ServerState;
import dev.pitwall.sim.internal.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ThreadPerTaskExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * An in-process OpenRouter-compatible server on a loopback port: the target of every run without an
 * API key, of the tests and of {@code pitwall simulate}.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.start(SimulatorOptions.defaults().withSeed(7))) {
 *   URI base = sim.baseUrl(); // http://127.0.0.1:PORT/api/v1
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the server and waits up to two seconds for its threads.
 */
public final class Simulator implements AutoCloseable {
  /** Largest request body accepted (images inlined as data: URLs can be large). */
  private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

  /**
   * Connections an I/O thread takes before the next one gets any ({@link LoopPacker}): 200 token
   * streams on one loop cost a quarter less CPU than on two, and 1,000 need two
   * (docs/performance.md).
   */
  private static final int CONNECTIONS_PER_LOOP = 256;

  private final SimulatorOptions options;
  private final SimProfile profile;
  private final EventLoopGroup group;
  private final Channel server;
  private final URI baseUrl;
  private final Transport transport;
  private final ServerState state;

  private Simulator(
      SimulatorOptions options,
      SimProfile profile,
      Transport transport,
      ServerState state,
      EventLoopGroup group,
      Channel server) {
    this.options = options;
    this.state = state;
    this.profile = profile;
    this.transport = transport;
    this.group = group;
    this.server = server;
    InetSocketAddress addr = (InetSocketAddress) server.localAddress();
    String host = addr.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    String scheme = options.tls() == null ? "http" : "https";
    this.baseUrl = URI.create(scheme + "://" + host + ":" + addr.getPort() + "/api/v1");
  }

  /**
   * Binds and starts serving. The first start in a JVM first serves 80 calls on a throwaway server
   * ({@link WarmUp}, about 0.9 s), so that the first real call is on time.
   *
   * @throws ProfileException when the profile file is missing or invalid
   * @throws IllegalStateException when the port cannot be bound
   */
  public static Simulator start(SimulatorOptions options) {
    SimProfile profile = options.resolveProfile(); // a broken profile fails before the warm-up
    WarmUp.once();
    return bind(options, profile);
  }

  /** {@link #start} without the warm-up. */
  static Simulator bind(SimulatorOptions options, SimProfile profile) {
    Transport transport = Transport.choose();
    ServerState state =
        new ServerState(
            profile,
            options.seed(),
            options.requireKey(),
            options.logRequests(),
            options.ticker(),
            options.clock(),
            transport.wakeGridNanos());
    long requestTimeoutNanos = options.requestTimeout().toNanos();
    javax.net.ssl.SSLContext tls = options.tls();
    long keepAliveNanos =
        options.keepAliveTimeout() == null ? 0 : options.keepAliveTimeout().toNanos();
    LoopPacker packer = new LoopPacker(CONNECTIONS_PER_LOOP);
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            options.ioThreads(),
            new ThreadPerTaskExecutor(new DefaultThreadFactory("pitwall-sim", true)),
            packer,
            transport.ioHandlerFactory());
    try {
      Channel channel =
          new ServerBootstrap()
              .group(group)
              .channel(transport.serverChannel())
              .option(ChannelOption.SO_BACKLOG, 4096)
              .option(ChannelOption.SO_REUSEADDR, true)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.closeFuture().addListener(f -> packer.release(ch.eventLoop()));
                      RequestTimeout timeout = new RequestTimeout(state, requestTimeoutNanos);
                      if (tls != null) {
                        // One server-mode engine per connection, straight from the JDK context.
                        javax.net.ssl.SSLEngine engine = tls.createSSLEngine();
                        engine.setUseClientMode(false);
                        ch.pipeline().addLast(new io.netty.handler.ssl.SslHandler(engine));
                      }
                      ch.pipeline()
                          .addLast(timeout.bytes())
                          .addLast(new HttpServerCodec())
                          .addLast(timeout.messages());
                      if (keepAliveNanos > 0) {
                        ch.pipeline().addLast(new KeepAliveTimeout(keepAliveNanos));
                      }
                      ch.pipeline()
                          .addLast(new HttpServerExpectContinueHandler())
                          .addLast(new BodyLimit(MAX_BODY_BYTES, state))
                          .addLast(new HttpHandler(state));
                    }
                  })
              .bind(options.host(), options.port())
              .syncUninterruptibly()
              .channel();
      return new Simulator(options, profile, transport, state, group, channel);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw new IllegalStateException(
          "cannot listen on "
              + options.host()
              + ":"
              + options.port()
              + " ("
              + e.getMessage()
              + "); choose another port with --port, or 0 for any free one",
          e);
    }
  }

  /**
   * {@code http://127.0.0.1:PORT/api/v1} ({@code https://} when serving TLS): what a client uses as
   * its base URL.
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The event-loop transport serving: {@code epoll} on Linux x86_64, {@code nio} elsewhere. */
  public String transport() {
    return transport.name().toLowerCase(java.util.Locale.ROOT);
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  public SimProfile profile() {
    return profile;
  }

  public SimulatorOptions options() {
    return options;
  }

  /**
   * Tells {@code timings} when each call from now on wrote its first and last token (what {@code
   * simulate --truth-log} records). Set it before the calls to be reported arrive.
   */
  public void reportTimings(CallTimings timings) {
    state.reportTimings(timings);
  }

  /** Blocks until the server is closed (by {@link #close()} from another thread). */
  public void awaitClose() throws InterruptedException {
    server.closeFuture().await();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
  }
}
