package dev.pitwall.report;

import java.io.IOException;

/**
 * One output of a run (as JMH's {@code ResultFormat}): every format is fed the same {@link
 * ReportContext} and writes its file, or folder of files, under the run directory. Implementations
 * are package-private; get them from {@link ReportFormats}.
 */
public interface ReportFormat {
  /** The file (or folder, ending in '/') written, relative to the run directory. */
  String fileName();

  void write(ReportContext ctx) throws IOException;
}
