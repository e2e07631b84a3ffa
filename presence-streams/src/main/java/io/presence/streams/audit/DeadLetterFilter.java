package io.presence.streams.audit;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which dead letters a command takes: by stage, reason, key and when they were dead-lettered. */
final class DeadLetterFilter {

    @Option(names = "--stage", paramLabel = "STAGE", description = "only this stage (e.g. push, validate, deserialize)")
    String stage;

    @Option(names = "--reason", paramLabel = "REASON", description = "only this reason (e.g. webhook-retries-exhausted)")
    String reason;

    @Option(names = "--key", paramLabel = "ID", description = "only records with this key (the recipient of a notification, the user of an event)")
    String key;

    /** Held against when each record was dead-lettered. */
    @Mixin
    TimeWindow window;

    boolean matches(DeadLetter letter) {
        return (stage == null || stage.equals(letter.stage()))
                && (reason == null || reason.equals(letter.reason()))
                && (key == null || key.equals(letter.key()))
                && window.contains(letter.deadLetteredAt());
    }
}
