package dev.pitwall.cli;

import dev.pitwall.history.History;
import dev.pitwall.history.IncompatibleRunsException;
import dev.pitwall.history.ShardMerge;
import dev.pitwall.report.ConsoleTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pitwall merge DIR…}: combines the shard folders of one sharded run ({@code run --shard
 * i/n}) into one run folder under {@code results/<suite>/<UTC timestamp>/}, with histograms summed
 * from the shards' latency.hlog and requests.csv unioned, and appends it to the suite's history.
 * Exit code 2 when shards overlap or measured different things.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description =
        "Merge the shard folders of one sharded run into one run (histograms summed exactly).")
public final class MergeCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "Shard run folders, or folders holding them (searched 4 levels deep).")
  List<Path> shards;

  @Option(
      names = "--results",
      defaultValue = "results",
      description = "Where the merged run folder is written (default: ${DEFAULT-VALUE}).")
  Path results;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "The merged run folder (default: <results>/<suite>/<UTC timestamp>).")
  Path out;

  @Option(names = "--no-history", description = "Do not append the merged run to history.csv.")
  boolean noHistory;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ShardMerge.Merged merged;
    try {
      List<Path> runs = ShardMerge.findRuns(shards);
      Path target = out;
      if (target == null) {
        String suite = dev.pitwall.runfolder.Manifest.read(runs.get(0)).info().suite();
        target = dev.pitwall.runfolder.RunLayout.create(results, suite, Instant.now());
      }
      merged = ShardMerge.merge(runs, target);
    } catch (IncompatibleRunsException | IOException e) {
      err.println("pitwall merge: " + e.getMessage());
      return ExitCode.USAGE;
    }
    if (!noHistory) {
      Path history = History.append(merged.dir(), merged.result());
      stdout.println("history: " + history.toAbsolutePath().normalize());
    }
    stdout.print(ConsoleTable.render(merged.result()));
    merged.notes().forEach(n -> stdout.println("note: " + n));
    stdout.println("results: " + merged.dir().toAbsolutePath().normalize());
    stdout.flush();
    return ExitCode.OK;
  }
}
