/**
 * Every output of a run, written from one {@link dev.pitwall.metrics.RunResult}: requests.csv
 * (appended live by {@link dev.pitwall.report.RequestsCsvWriter}), summary.csv and result.json in
 * JMH's formats, bigger-is-better.json, latency.hlog and hgrm/ (HdrHistogram), eight PNG charts,
 * report.md and manifest.json; plus the console table and the SLO gate.
 *
 * <p>Design, after JMH's {@code ResultFormatFactory}: one public interface per output kind ({@link
 * dev.pitwall.report.ReportFormat}), package-private implementations, one factory ({@link
 * dev.pitwall.report.ReportFormats}); {@link dev.pitwall.report.Reports#writeAll} runs them all on
 * one {@link dev.pitwall.report.ReportContext}. Machine-readable outputs are sealed by golden files
 * built from seeded fixtures. Numbers are formatted with {@code BigDecimal}, never the default
 * locale or {@code Double.toString}, so outputs are identical across locales and JDKs (JDK 19
 * changed how some doubles print). requests.csv keeps stamps as ms with 6 decimals, so a run read
 * back is exact to the nanosecond and {@code pitwall report DIR} ({@link
 * dev.pitwall.report.RunRebuilder}) reproduces summary.csv, result.json and latency.hlog byte for
 * byte (inter-chunk latency, not in requests.csv, is replayed from the hlog); manifest.json carries
 * the SLOs, allowed providers and iteration windows that regeneration needs without the suite.
 *
 * <p>Charts: 1200×700 px with 15–24 px fonts (readable pasted at page width), one colour per
 * provider (well-known providers keep theirs across runs), models sharing a provider told apart by
 * line style, marker or shade; plain decimal tick labels; a footer naming suite, date, target and
 * SIMULATED. A chart with nothing to plot draws a note saying why instead of an empty plot. Drawn
 * headless into a {@code BufferedImage}; needs a font installed (a JRE image without fontconfig and
 * a font cannot draw text: the Dockerfile installs them). The first chart of a JVM pays for the
 * font set-up; rendering times are in docs/performance.md.
 *
 * <p>Thread-safety: {@link dev.pitwall.report.RequestsCsvWriter#accept} is safe from any number of
 * threads (rows are serialised under a lock and flushed one by one). Everything else is called from
 * one thread at the end of a run; formats keep no state between calls.
 */
package dev.pitwall.report;
