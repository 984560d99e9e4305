/**
 * Runs over time: the history of a suite, comparisons between runs, trend charts, and the merge of
 * sharded runs.
 *
 * <ul>
 *   <li>{@link dev.pitwall.history.History#append} adds one line per series × {@link
 *       dev.pitwall.history.Measure} of a finished run to results/&lt;suite&gt;/history.csv ({@link
 *       dev.pitwall.history.HistoryCsv}), and for a cell served by several providers its model
 *       level too (provider "all", every provider merged); run folders stay self-contained.
 *   <li>{@link dev.pitwall.history.Comparer} compares a run with one baseline run or the trailing N
 *       comparable runs; {@link dev.pitwall.history.CompareReport} writes the console table and
 *       compare.md as benchstat does (one line per series and measure: old ± err, new ± err,
 *       change, p, verdict), compare.csv, and charts/compare.png (a dot and interval per series,
 *       regressions in red); {@link dev.pitwall.history.TrendCharts} draws each series over the
 *       last runs.
 *   <li>{@link dev.pitwall.history.ShardMerge} combines the folders of {@code run --shard i/n} into
 *       one run.
 * </ul>
 *
 * <p>Design notes. A verdict needs both tests: Welch's t-test over iteration scores (never single
 * requests, which are not independent samples: docs/metrics.md) at the chosen confidence (default
 * 0.99), and a change beyond the measure's threshold (latencies 10 %, error rate 2 points, cost per
 * million output tokens 2 %, cost per call 10 %). Significance alone flags tiny but steady shifts;
 * the threshold alone flags noise. The baseline pools the iteration scores of the trailing runs, so
 * a week of nights gives Welch's test about 7× the samples of one. Rates and cost have no
 * histogram, so they are scored per measurement iteration from requests.csv to be weighed like
 * latencies. Cost per call moves with answer length (±25 % per call in the test nights) and needed
 * a 10 % threshold to stay quiet; cost per million output tokens moves with the price alone, so a 2
 * % price change is caught. The simulated test nights ({@code SimulatedNightsIT}) check that noise
 * alone gives no verdict and that slower TTFT, error bursts and price changes are flagged; how many
 * calls per iteration a nightly suite needs to catch a burst is in docs/nightly.md.
 *
 * <p>Merging reads each shard's latency.hlog with HdrHistogram's {@code HistogramLogReader} and
 * sums interval histograms, so merged percentiles equal those of one run over the same calls
 * (tested to the exact recorded value at p50 … p100); averaging shards' percentiles would not.
 * Cells are dealt to shards by {@link dev.pitwall.suite.Shard}; a cell in two shards is refused.
 *
 * <p>Thread-safety: everything here is called from one thread (a command, or the end of a run); the
 * records are immutable. Appending to history.csv is not locked: two runs of one suite finishing in
 * the same instant could interleave lines (the reader then skips what it cannot parse, with a
 * warning naming the line).
 */
package dev.pitwall.history;
