package io.presence.streams.audit;

import java.time.Instant;
import picocli.CommandLine.Option;

/** Which dead letters a command takes: by stage, reason, key and when they were dead-lettered. */
final class DeadLetterFilter {

    @Option(names = "--stage", paramLabel = "STAGE", description = "only this stage (e.g. push, validate, deserialize)")
    String stage;

    @Option(names = "--reason", paramLabel = "REASON", description = "only this reason (e.g. webhook-retries-exhausted)")
    String reason;

    @Option(names = "--key", paramLabel = "ID", description = "only records with this key (the recipient of a notification, the user of an event)")
    String key;

    @Option(names = "--from", paramLabel = "INSTANT", description = "dead-lettered at or after (ISO-8601)")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "dead-lettered at or before (ISO-8601)")
    Instant to;

    boolean matches(DeadLetter letter) {
        return (stage == null || stage.equals(letter.stage()))
                && (reason == null || reason.equals(letter.reason()))
                && (key == null || key.equals(letter.key()))
                && (from == null || !letter.deadLetteredAt().isBefore(from))
                && (to == null || !letter.deadLetteredAt().isAfter(to));
    }
}
