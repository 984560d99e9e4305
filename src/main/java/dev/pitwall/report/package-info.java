/**
 * Every output of a run but requests.csv, written from one {@link dev.pitwall.metrics.RunResult}:
 * summary.csv and result.json in JMH's formats, bigger-is-better.json, latency.hlog and hgrm/
 * (HdrHistogram), eight PNG charts, report.md and manifest.json (the last two files through {@code
 * dev.pitwall.runfolder}, which owns their format); plus the console table.
 *
 * <p>Design, after JMH's {@code ResultFormatFactory}: one public interface per output kind ({@link
 * dev.pitwall.report.ReportFormat}), package-private implementations, one factory ({@link
 * dev.pitwall.report.ReportFormats}); {@link dev.pitwall.report.Reports#writeAll} runs them all on
 * one {@link dev.pitwall.report.ReportContext}. Machine-readable outputs are sealed by golden files
 * built from seeded fixtures. Numbers are formatted with {@code BigDecimal}, never the default
 * locale or {@code Double.toString}, so outputs are identical across locales and JDKs (JDK 19
 * changed how some doubles print). A run folder read back ({@link dev.pitwall.runfolder.RunFolder})
 * gives {@code pitwall report DIR} the same {@link dev.pitwall.report.ReportContext}, so it
 * reproduces summary.csv, result.json and latency.hlog byte for byte.
 *
 * <p>Charts: 1200×700 px with 15–24 px fonts (readable pasted at page width), one colour per
 * provider (well-known providers keep theirs across runs), models sharing a provider told apart by
 * line style, marker or shade; plain decimal tick labels; a footer naming suite, date, target and
 * SIMULATED. A chart with nothing to plot draws a note saying why instead of an empty plot. Helpers
 * are named for their job: {@link dev.pitwall.report.ChartTheme} (sizes, fonts, strokes), {@link
 * dev.pitwall.report.ProviderColours}, {@link dev.pitwall.report.ChartImages} (the file with its
 * footer). Drawn headless into a {@code BufferedImage}; needs a font installed (a JRE image without
 * fontconfig and a font cannot draw text: the Dockerfile installs them). The first chart of a JVM
 * pays for the font set-up; rendering times are in docs/performance.md.
 *
 * <p>Thread-safety: everything here is called from one thread at the end of a run (or by {@code
 * pitwall report}); formats keep no state between calls.
 */
package dev.pitwall.report;
