package io.presence.streams.audit;

import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * {@code --from} / {@code --to}: an inclusive window of instants, either end open. Which instant of a
 * record it is held against (a change's time, when a record was logged or dead-lettered) is the
 * command's to say.
 */
final class TimeWindow {

    @Option(names = "--from", paramLabel = "INSTANT", description = "from this instant on (inclusive, ISO-8601)")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "up to this instant (inclusive, ISO-8601)")
    Instant to;

    /** The whole log. */
    static TimeWindow all() {
        return new TimeWindow();
    }

    boolean contains(Instant at) {
        return (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
    }

    boolean contains(long epochMillis) {
        return contains(Instant.ofEpochMilli(epochMillis));
    }

    boolean isAll() {
        return from == null && to == null;
    }

    /** e.g. {@code between the start and 2026-11-27T18:00:00Z}. */
    @Override
    public String toString() {
        return "between " + (from == null ? "the start" : from) + " and " + (to == null ? "now" : to);
    }
}
