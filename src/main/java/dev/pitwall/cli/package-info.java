/**
 * The command line: picocli commands, thin by design — each resolves its inputs (suite, target,
 * settings) and hands the work to the packages below; {@code run} fills {@link
 * dev.pitwall.RunOptions} and calls {@link dev.pitwall.Pitwall}, as Java code would. {@link
 * dev.pitwall.cli.Main} is the one entry point for {@code java -jar} and {@code mvn exec:java}.
 *
 * <p>Design notes.
 *
 * <ul>
 *   <li>Settings come in layers, lowest first: suite defaults, per-model overrides, then {@code
 *       -Dkey=value} given to pitwall or to Maven ({@link dev.pitwall.cli.SuiteOptions}); unknown
 *       keys are usage errors with the nearest known key suggested.
 *   <li>The target ({@link dev.pitwall.Target}) is the simulator when no key is set and none is
 *       named; the key is wrapped so that it never prints, and is sent only to the target.
 *   <li>Everything that can fail before a call fails before it: the suite (exit 2), the key and
 *       reachability (exit 3), the pre-flight budget (exit 4), a writable results folder.
 *   <li>Under exec:java the program shares Maven's JVM: the pom sets the log level, blocks {@code
 *       System.exit} (so a non-zero code fails the build) and does not wait on daemon threads.
 *       Ctrl-C is caught with {@code sun.misc.Signal} so a run can write its partial results before
 *       the JVM ends.
 *   <li>{@code validate} and {@code plan} ask the target through {@code TargetFacts}, opened for
 *       the command's own settings ({@code -Dtarget} included) and asked as {@code run} asks it:
 *       the plan's cost bound is {@link dev.pitwall.CostBound}, the one {@code run} refuses on.
 * </ul>
 *
 * <p>Thread-safety: commands run once, on the calling thread.
 */
package dev.pitwall.cli;
