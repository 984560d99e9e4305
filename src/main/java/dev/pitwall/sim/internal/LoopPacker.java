package dev.pitwall.sim.internal;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorChooserFactory;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Chooses the event loop of each new connection: the first loop that holds fewer than {@code
 * perLoop} connections, or the least loaded one when every loop is that full. Netty's own chooser
 * deals connections out in turn, so 200 streams keep two loops waking on two CPUs. Packed on one,
 * the simulator's JVM took 17 to 27 % less CPU for the same 200 streams in 7 of 8 alternated pairs
 * on the development VM, where each wake-up is dear (2 % more in the eighth), with token timing
 * unchanged; 1,000 streams still spread over both loops, which they need: on one loop they fell
 * behind (p50 7 to 17 ms against 0.6 to 0.8 ms on two). Figures: docs/performance.md.
 *
 * <p>Each choice counts one connection on its loop until {@link #release} is called for it, from
 * the connection's close. The group calls the chooser only to register channels (the server's
 * listening channel too, which stays), as long as nothing submits tasks to the group itself.
 *
 * <p>Thread-safety: choices are made on the acceptor's loop; releases come from any loop. The group
 * calls {@link #newChooser} in its constructor, before it starts any loop thread.
 */
public final class LoopPacker implements EventExecutorChooserFactory {
  private final int perLoop;
  private EventExecutor[] loops;
  private AtomicIntegerArray held;

  /**
   * @param perLoop connections a loop takes before the next loop gets any
   */
  public LoopPacker(int perLoop) {
    if (perLoop < 1) {
      throw new IllegalArgumentException("perLoop must be >= 1: " + perLoop);
    }
    this.perLoop = perLoop;
  }

  @Override
  public synchronized EventExecutorChooser newChooser(EventExecutor[] executors) {
    if (loops != null) {
      throw new IllegalStateException("a LoopPacker serves one event-loop group");
    }
    loops = executors.clone();
    held = new AtomicIntegerArray(loops.length);
    return this::next;
  }

  private EventExecutor next() {
    int chosen = 0;
    for (int i = 0; i < loops.length; i++) {
      int n = held.get(i);
      if (n < perLoop) {
        chosen = i;
        break;
      }
      if (n < held.get(chosen)) {
        chosen = i;
      }
    }
    held.incrementAndGet(chosen);
    return loops[chosen];
  }

  /** Frees the place of a connection whose loop this packer chose, once it has closed. */
  public void release(EventExecutor loop) {
    for (int i = 0; i < loops.length; i++) {
      if (loops[i] == loop) {
        held.decrementAndGet(i);
        return;
      }
    }
    throw new IllegalArgumentException("not a loop of this packer's group: " + loop);
  }

  /** Connections counted on each loop, in the group's order: for tests and diagnostics. */
  public int[] held() {
    int[] counts = new int[loops.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = held.get(i);
    }
    return counts;
  }
}
