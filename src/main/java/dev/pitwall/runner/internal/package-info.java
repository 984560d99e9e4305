/**
 * The runner's internals: the canned loopback server that {@link dev.pitwall.runner.Primer} runs a
 * plan's calls against before the first measured one.
 */
package dev.pitwall.runner.internal;
