/**
 * Every output of a run but requests.csv, written from one {@link dev.pitwall.metrics.RunResult}:
 * summary.csv and result.json in JMH's formats, bigger-is-better.json, latency.hlog and hgrm/
 * (HdrHistogram), eight charts (PNG and SVG), report.md and manifest.json (the last two files
 * through {@code dev.pitwall.runfolder}, which owns their format); plus the console table.
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
 * <p>Every output has two levels, model first: the cells of {@link
 * dev.pitwall.metrics.RunResult#cells()} (the model, or model@provider for a pinned cell), then
 * each served provider's series ("…:by_provider" in the JMH formats). No output writes NaN: an
 * undefined number is "n/a (k iterations)", an empty CSV cell or JSON null.
 *
 * <p>Charts: 1200×700 px with 15–24 px fonts (readable pasted at page width), one Okabe-Ito colour
 * per model (colour-blind safe) and shades of it for its providers; long names in a column left of
 * horizontal bars ({@link dev.pitwall.report.RowChart}, drawn with Java2D since XChart 4 has no
 * horizontal bars; its layout is computed apart so a test checks that no label overlaps), values on
 * the bars, sorted by the figure; plain decimal tick labels; a title naming the suite; a footer
 * naming suite, date, target and SIMULATED. A chart with nothing to plot draws a note saying why
 * instead of an empty plot. Every chart is written as PNG ({@code --chart-scale} for HiDPI) and as
 * SVG (VectorGraphics2D records the same drawing). Helpers are named for their job: {@link
 * dev.pitwall.report.ChartTheme} (sizes, fonts, strokes), {@link dev.pitwall.report.ModelColours},
 * {@link dev.pitwall.report.ChartImages} (the files with their footer). The per-call charts draw a
 * bounded sample of requests.csv ({@link dev.pitwall.runfolder.RowSample}), so a report never holds
 * every row. Drawn headless into a {@code BufferedImage}; needs a font installed (a JRE image
 * without fontconfig and a font cannot draw text: the Dockerfile installs them). The first chart of
 * a JVM pays for the font set-up; rendering times are in docs/performance.md.
 *
 * <p>Thread-safety: everything here is called from one thread at the end of a run (or by {@code
 * pitwall report}); formats keep no state between calls.
 */
package dev.pitwall.report;
