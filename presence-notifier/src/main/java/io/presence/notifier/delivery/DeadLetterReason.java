package io.presence.notifier.delivery;

/**
 * Why a notification went to {@code presence.dlq}: the stage that gave up and a short reason, as
 * headers and metric tags (the same scheme as presence-streams' dead letters).
 */
public enum DeadLetterReason {
    /** The value is not a StatusNotification in the Confluent wire format. */
    UNDECODABLE("decode", "undecodable"),
    /** Decoded, but breaks SPEC §2 (bad ids, key is not the recipient, no id, version below 1). */
    INVALID("validate", "invalid-notification"),
    /** The webhook did not take it within the retry budget. */
    PUSH_EXHAUSTED("push", "webhook-retries-exhausted"),
    /** Routing it threw (a bug); dead-lettered rather than retried forever. */
    PROCESSING_FAILED("route", "processing-failed");

    private final String stage;
    private final String reason;

    DeadLetterReason(String stage, String reason) {
        this.stage = stage;
        this.reason = reason;
    }

    public String stage() {
        return stage;
    }

    public String reason() {
        return reason;
    }
}
