/**
 * The suite language: the immutable model of a benchmark ({@link dev.pitwall.suite.Suite} and its
 * records), loading it from YAML with located problems ({@link dev.pitwall.suite.SuiteLoader},
 * {@link dev.pitwall.suite.SuiteException}), finding it by name ({@link
 * dev.pitwall.suite.SuiteLocator}), and expanding it into cells ({@link dev.pitwall.suite.Plan},
 * {@link dev.pitwall.suite.PlanReport}). It uses nothing else of pitwall's but the text helpers of
 * {@code dev.pitwall.text}. Model ids and provider slugs are checked against a {@link
 * dev.pitwall.suite.KnownModels} view of the target's catalog that callers build: the suite knows
 * no catalog of its own, and providers are matched by the slug → display-name data it gives, never
 * by comparing spellings.
 *
 * <p>Layering, as JMH's options: suite defaults &lt; per-model settings &lt; {@code -D} / CLI
 * overrides, field by field; {@link dev.pitwall.suite.Suite#effectiveSettings()} lists the result
 * for the manifest. A cell is prompt × model × route; a model's {@code providers:} list expands
 * into one pinned route per provider ({@code order=[P]}, {@code allow_fallbacks=false}) plus an
 * optional free-routing one.
 *
 * <p>Design notes. Jackson's tree model drops positions, so the loader builds its own small tree
 * from the YAML parser's token stream ({@code internal.YamlReader}), keeping line and column of
 * every key and value; binding records a problem and carries on instead of throwing, so a user sees
 * every problem of a file at once, sorted by line. Overrides are merged into that tree before
 * binding, so a bad {@code -Dcalls=x} is validated by the same code and reported as the flag.
 * Checks that need several sections (an open-loop rate above a rate limit, a pinned provider
 * outside {@code allowed_providers}, zero cells) run after binding. The JSON Schema in {@code
 * benchmarks/suite.schema.json} is for editors; the loader is the authority and a test keeps the
 * two in step. The plan deals cells round-robin across models so that drift of the target spreads
 * evenly. Loading and planning a suite is dominated by class loading (Jackson, SnakeYAML) in a cold
 * JVM and takes milliseconds warm, so it is never worth caching (docs/performance.md).
 *
 * <p>Thread-safety: every record is immutable and safe to share; loading is confined to the calling
 * thread and keeps no state between calls.
 */
package dev.pitwall.suite;
