/**
 * The one way in: {@link dev.pitwall.Pitwall} runs a suite from {@link dev.pitwall.RunOptions}
 * (built with {@link dev.pitwall.OptionsBuilder}) and returns a {@link dev.pitwall.RunOutcome}, as
 * JMH's {@code new Runner(options).run()} does. The command line ({@code dev.pitwall.cli}) only
 * fills the options from flags and {@code -D}, and maps outcomes and refusals to exit codes.
 *
 * <p>Design notes. The order of a run is fixed here and nowhere else: resolve the {@link
 * dev.pitwall.Target} (the simulator without a key), check the key and load the target's models,
 * load the suite once against them (so an unknown model id is a suite problem with its line and
 * column), refuse a plan over budget ({@link dev.pitwall.CostBound}, which {@code pitwall plan}
 * prints too, so the two never disagree), create the run folder, run, write every output, append
 * the history. Refusals before the first call are exceptions and leave nothing behind; once a call
 * has been made, every ending (complete, interrupted, out of budget) writes what was measured.
 *
 * <p>Thread-safety: a {@code Pitwall} runs one suite at a time; {@link
 * dev.pitwall.runner.StopSignal} given in the options may be raised from any thread.
 */
package dev.pitwall;
