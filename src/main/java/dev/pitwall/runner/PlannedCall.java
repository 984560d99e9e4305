package dev.pitwall.runner;

import dev.pitwall.metrics.Phase;
import dev.pitwall.suite.Cell;

/** One call of the plan: which cell, in which iteration, with its run-wide id (from 1). */
record PlannedCall(long callId, Cell cell, int iteration, Phase phase) {}
