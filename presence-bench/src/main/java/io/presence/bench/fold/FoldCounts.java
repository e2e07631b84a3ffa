package io.presence.bench.fold;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fold did with the events, read from its own meters: a check that the throughput figure
 * is about folding, not about events refused early (dead letters would be cheap and fast).
 */
record FoldCounts(Map<String, Long> byOutcome, long deadLetters) {

    static FoldCounts of(MeterRegistry registry) {
        Map<String, Long> byOutcome = new TreeMap<>();
        for (Counter counter : registry.find("presence.events.folded").counters()) {
            byOutcome.merge(counter.getId().getTag("outcome"), (long) counter.count(), Long::sum);
        }
        byOutcome.values().removeIf(count -> count == 0);
        long deadLetters = (long) registry.find("presence.dlq.records").counters().stream().mapToDouble(Counter::count).sum();
        return new FoldCounts(byOutcome, deadLetters);
    }

    long folded() {
        return byOutcome.values().stream().mapToLong(Long::longValue).sum();
    }
}
