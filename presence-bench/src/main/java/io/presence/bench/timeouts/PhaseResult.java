package io.presence.bench.timeouts;

import io.presence.bench.report.LatencySummary;

/** What one size of the timeouts scenario measured. */
record PhaseResult(int live, int due, LatencySummary proposals, LatencySummary offline, double tickCostMs, String tickCost) {
}
