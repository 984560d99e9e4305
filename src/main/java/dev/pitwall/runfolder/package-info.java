/**
 * The run folder, {@code results/<suite>/<UTC timestamp>/}, as files: its layout ({@link
 * dev.pitwall.runfolder.RunLayout}, the one place file names are spelled), manifest.json ({@link
 * dev.pitwall.runfolder.Manifest}, {@link dev.pitwall.runfolder.SuiteFacts}), requests.csv ({@link
 * dev.pitwall.runfolder.RequestsCsvWriter}, {@link dev.pitwall.runfolder.RequestsCsvReader}),
 * latency.hlog ({@link dev.pitwall.runfolder.LatencyLog}), and a run read back from them ({@link
 * dev.pitwall.runfolder.RunFolder}). {@code report} writes the other outputs beside these; {@code
 * history} compares and merges runs through them. Neither knows the other's files.
 *
 * <p>Design notes. requests.csv is the record of truth: one row per attempt, appended as each
 * attempt ends and flushed within 20 ms (at once when rows are sparse), so a killed run leaves a
 * readable file missing at most its last 20 ms of rows; Ctrl-C ends the run normally and loses
 * none. It keeps stamps as ms with 6 decimals, so a run read back is exact to the nanosecond, and
 * replaying its rows through {@link dev.pitwall.metrics.RunMetrics} iteration by iteration (windows
 * from manifest.json) rebuilds the same {@link dev.pitwall.metrics.RunResult}. Inter-chunk gaps are
 * not per request, so they come back from latency.hlog. A damaged file is read as far as it goes:
 * bad lines become warnings, not failures.
 *
 * <p>A run read back is streamed, never held: {@link
 * dev.pitwall.runfolder.RequestsCsvReader#forEach} hands rows one at a time to the metrics
 * (iteration by iteration, as the runner wrote them; a second pass groups rows only when a file has
 * them out of iteration order) and to a {@link dev.pitwall.runfolder.RowSample}, a seeded uniform
 * sample of bounded size plus the exact attempts per second, which is all the per-call charts need.
 * So a report's memory grows with series × iterations (packed histograms), not with calls, and so
 * does a merge of shards, which streams each shard's rows through the same reader.
 *
 * <p>Thread-safety: {@link dev.pitwall.runfolder.RequestsCsvWriter#accept} is safe from any number
 * of threads (rows are formatted apart and appended under a lock); everything else is called from
 * one thread and keeps no state between calls.
 */
package dev.pitwall.runfolder;
