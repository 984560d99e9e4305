package dev.pitwall.cli;

import dev.pitwall.report.ConsoleTable;
import dev.pitwall.report.ReportContext;
import dev.pitwall.report.Reports;
import dev.pitwall.runfolder.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pitwall report DIR}: regenerates every output of a finished run from its requests.csv and
 * manifest.json, without a single new call, so charts can be restyled or recomputed. Bad rows are
 * reported with their line number and skipped; what can be produced is produced.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Regenerate every output of a run (summary.csv, result.json, hlog, charts, report.md)"
          + " from its requests.csv and manifest.json.",
      "Exit codes: 0 written, 2 no such run folder or unreadable requests.csv, 3 some outputs"
          + " could not be written."
    })
public final class ReportCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "a run folder, e.g. results/cap-theorem/2026-01-31T12-00-00Z")
  Path dir;

  @Mixin ChartScaleOption chartScale;

  @Spec CommandSpec spec;

  public ReportCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      err.println("pitwall report: " + dir + " is not a folder; pass the folder of one run");
      return 2;
    }
    ReportContext ctx;
    try {
      if (chartScale.scale < 1 || chartScale.scale > 4) {
        err.println("pitwall report: --chart-scale must be 1 to 4, not " + chartScale.scale);
        return 2;
      }
      ctx = ReportContext.of(RunFolder.rebuild(dir)).withChartScale(chartScale.scale);
    } catch (IOException e) {
      err.println("pitwall report: " + e.getMessage());
      return 2;
    }
    ctx.warnings().forEach(w -> err.println("warning: " + w));
    int status = 0;
    List<String> written;
    try {
      written = Reports.writeAll(ctx);
    } catch (IOException e) {
      err.println("pitwall report: " + e.getMessage());
      for (Throwable t : e.getSuppressed()) {
        err.println("  " + t.getMessage());
      }
      written = List.of();
      status = 3;
    }
    out.print(ConsoleTable.render(ctx.result()));
    out.print(ConsoleTable.renderVerdicts(ctx.verdicts()));
    if (!written.isEmpty()) {
      out.println("Wrote " + String.join(", ", written));
    }
    out.println(dir.toAbsolutePath().normalize());
    out.flush();
    err.flush();
    return status;
  }
}
