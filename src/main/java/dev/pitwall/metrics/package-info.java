/**
 * What is measured and how it is summarised. {@link dev.pitwall.metrics.CallRecord} is one attempt
 * with every stamp docs/metrics.md defines; {@link dev.pitwall.metrics.RunMetrics} records
 * measurement attempts into HdrHistogram {@link org.HdrHistogram.Recorder}s per series (cell ×
 * served provider) and metric, flips them at each iteration's end, and yields JMH-style {@link
 * dev.pitwall.metrics.Score}s: the mean of iteration scores with a 99.9 % Student-t half-width.
 * {@link dev.pitwall.metrics.RunResult#cells()} is the level above the series: each cell with every
 * provider that served it merged exactly (histograms added iteration by iteration, counts summed,
 * iteration scores recomputed), what a reader asking "which model" compares.
 *
 * <p>Design notes. Requests within an iteration share a connection, the provider's momentary load
 * and the time of day, so they are not independent samples: confidence intervals are computed over
 * iteration means only, as JMH does; outputs show an interval only from three iterations on ({@link
 * dev.pitwall.metrics.Score#hasInterval}), since Student-t with one degree of freedom gives
 * intervals hundreds of times the score. Percentiles come from the merged histogram (exact to 3
 * significant digits). Histograms kept per iteration are packed (non-zero buckets only), so a
 * result's memory follows what was recorded, not the 180 KB a full-range histogram allocates.
 * Latencies are recorded in µs, output speed in milli-tokens/s, so integer histograms keep three
 * significant digits of both. Recording one attempt (ten histograms, counters, its cost) never
 * locks; its cost is measured by {@code MetricsBenchmark} (docs/performance.md).
 *
 * <p>The suite's SLOs are judged here too: {@link dev.pitwall.metrics.SloGate} per series on the
 * merged figures, {@link dev.pitwall.metrics.Goodput} per request. That is this package's one use
 * of {@code dev.pitwall.suite} (its {@code Slo} record). {@link dev.pitwall.metrics.RunFailures}
 * decides what else fails a finished run (a cell with no success, a data-policy violation), for the
 * exit code and report.md alike.
 *
 * <p>Thread-safety: recording is lock-free and safe from any thread; iteration flips and results
 * are taken by one coordinating thread. Result records are immutable, except that the histograms
 * they carry must be treated as read-only.
 */
package dev.pitwall.metrics;
