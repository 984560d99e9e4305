/**
 * How a suite file becomes a {@link dev.pitwall.suite.Suite}: {@link
 * dev.pitwall.suite.internal.YamlReader} (YAML to a positioned {@link
 * dev.pitwall.suite.internal.Node} tree, anchors and merge keys resolved), {@link
 * dev.pitwall.suite.internal.Overrides} (the {@code -D} layer merged into the tree), {@link
 * dev.pitwall.suite.internal.Fields} (typed reads that record problems), the binders for prompts,
 * models and the rest, and {@code SuiteChecks} (cross-section checks). Not an API: only {@code
 * dev.pitwall.suite} calls it.
 *
 * <p>Thread-safety: each class is used by one loading thread and discarded; the static tables are
 * immutable.
 */
package dev.pitwall.suite.internal;
