package dev.pitwall.cli;

import picocli.CommandLine.Option;

/** {@code --chart-scale N}, shared by the commands that draw a run's charts (run, report). */
final class ChartScaleOption {
  @Option(
      names = "--chart-scale",
      defaultValue = "1",
      paramLabel = "N",
      description = "PNG charts at N × 1200×700 px: 2 for HiDPI screens (SVGs are written anyway).")
  int scale;
}
