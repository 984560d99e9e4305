package dev.pitwall.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A suite expanded into cells, in the order the runner interleaves them. */
public record Plan(Suite suite, List<Cell> cells) {
  public Plan {
    Objects.requireNonNull(suite, "suite");
    cells = List.copyOf(cells);
  }

  /**
   * Expands prompts × models × routes, then deals the cells out round-robin across models: the
   * first cell of every model, then the second of every model, and so on. Consecutive calls thus
   * rotate across models and across one model's providers, so slow drift of the target (time of
   * day, shared load) spreads evenly instead of biasing whichever cells ran last. The order depends
   * on the suite only.
   */
  public static Plan of(Suite suite) {
    List<List<Seed>> perModel = new ArrayList<>();
    for (ModelSpec model : suite.models()) {
      List<Seed> seeds = new ArrayList<>();
      for (Prompt prompt : suite.prompts()) {
        for (Route route : model.routes()) {
          seeds.add(new Seed(prompt, model, route));
        }
      }
      perModel.add(seeds);
    }
    List<Cell> cells = new ArrayList<>();
    int longest = perModel.stream().mapToInt(List::size).max().orElse(0);
    for (int round = 0; round < longest; round++) {
      for (List<Seed> seeds : perModel) {
        if (round < seeds.size()) {
          cells.add(seeds.get(round).toCell(cells.size()));
        }
      }
    }
    return new Plan(suite, cells);
  }

  private record Seed(Prompt prompt, ModelSpec model, Route route) {
    Cell toCell(int index) {
      String id = prompt.id() + "/" + model.displayName() + route.label();
      return new Cell(index, id, prompt, model.id(), route, model.request());
    }
  }

  /** Calls per iteration over all cells (time-bound without a cap: Integer.MAX_VALUE). */
  public int callsPerIteration() {
    return (int) Math.min(Integer.MAX_VALUE, (long) cells.size() * suite.iterations().calls());
  }

  /** All calls the plan will make, warmup included (for a time-bound plan, the most it may). */
  public long totalCalls() {
    return (long) cells.size() * suite.iterations().calls() * suite.iterations().total();
  }

  /**
   * The calls of one iteration in dispatch order: {@code calls} rounds over the cells, each round
   * starting one cell later than the last iteration's, so no cell is always first after a pause.
   * Only for count-bound iterations; a time-bound one cycles {@link #cells()} until time is up.
   */
  public List<Cell> callOrder(int iteration) {
    if (suite.iterations().calls() == Iterations.UNBOUNDED) {
      throw new IllegalStateException("a time-bound iteration has no fixed call order");
    }
    List<Cell> round = new ArrayList<>(cells);
    Collections.rotate(round, -(iteration % Math.max(1, cells.size())));
    List<Cell> order = new ArrayList<>(round.size() * suite.iterations().calls());
    for (int c = 0; c < suite.iterations().calls(); c++) {
      order.addAll(round);
    }
    return order;
  }
}
