package io.presence.streams.audit;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts of dead letters by a label (stage/reason, source topic), for one summary line. */
final class DeadLetterTally {

    private final Map<String, Long> counts = new TreeMap<>();
    private long total;

    void add(String label) {
        counts.merge(label, 1L, Long::sum);
        total++;
    }

    long total() {
        return total;
    }

    /** e.g. {@code push/webhook-retries-exhausted 10, validate/invalid-event 2}. */
    @Override
    public String toString() {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
