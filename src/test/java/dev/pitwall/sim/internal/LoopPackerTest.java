package dev.pitwall.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorChooserFactory.EventExecutorChooser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopPackerTest {
  // Never given a task, so they never start a thread.
  private final EventExecutor[] loops = {
    new DefaultEventExecutor(), new DefaultEventExecutor(), new DefaultEventExecutor()
  };

  @AfterEach
  void shutDown() {
    for (EventExecutor loop : loops) {
      loop.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
  }

  private List<Integer> choose(EventExecutorChooser chooser, int times) {
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      chosen.add(List.of(loops).indexOf(chooser.next()));
    }
    return chosen;
  }

  @Test
  void fillsEachLoopBeforeTheNextThenTakesTheLeastLoaded() {
    LoopPacker packer = new LoopPacker(3);
    EventExecutorChooser chooser = packer.newChooser(loops);

    assertThat(choose(chooser, 9)).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2);
    assertThat(choose(chooser, 4)).containsExactly(0, 1, 2, 0);
    assertThat(packer.held()).containsExactly(5, 4, 4);
  }

  @Test
  void aReleasedPlaceIsTakenAgainBeforeTheNextLoop() {
    LoopPacker packer = new LoopPacker(2);
    EventExecutorChooser chooser = packer.newChooser(loops);
    assertThat(choose(chooser, 3)).containsExactly(0, 0, 1);

    packer.release(loops[0]);

    assertThat(packer.held()).containsExactly(1, 1, 0);
    assertThat(choose(chooser, 2)).containsExactly(0, 1);
  }

  @Test
  void aLoadUnderOneLoopsShareStaysOnTheFirstLoop() {
    LoopPacker packer = new LoopPacker(256);
    EventExecutorChooser chooser = packer.newChooser(loops);

    assertThat(choose(chooser, 201)).containsOnly(0);
  }

  @Test
  void rejectsWhatItCannotCount() {
    assertThatThrownBy(() -> new LoopPacker(0)).hasMessageContaining("perLoop must be >= 1: 0");
    LoopPacker packer = new LoopPacker(1);
    packer.newChooser(loops);
    assertThatThrownBy(() -> packer.newChooser(loops))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one event-loop group");
    DefaultEventExecutor stranger = new DefaultEventExecutor();
    try {
      assertThatThrownBy(() -> packer.release(stranger))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a loop of this packer's group");
    } finally {
      stranger.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
  }
}
