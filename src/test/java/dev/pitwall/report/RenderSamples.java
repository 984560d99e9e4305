package dev.pitwall.report;

import java.nio.file.Path;

/** Writes the fixture runs' reports to a folder, to look at them: not a test. */
final class RenderSamples {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/report-samples");
    for (var entry :
        java.util.Map.of("mixed", ReportFixtures.run(), "throttled", ReportFixtures.allThrottled())
            .entrySet()) {
      Path dir = out.resolve(entry.getKey());
      java.nio.file.Files.createDirectories(dir);
      ReportsTest.writeRequests(dir, entry.getValue());
      Reports.writeAll(ReportsTest.context(dir, entry.getValue()));
      System.out.println(ConsoleTable.render(entry.getValue().result()));
    }
  }
}
