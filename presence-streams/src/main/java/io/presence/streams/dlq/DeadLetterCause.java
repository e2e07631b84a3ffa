package io.presence.streams.dlq;

/** Why a record went to {@code presence.dlq}: the stage that refused it and a short reason, as headers and metric tags. */
public enum DeadLetterCause {
    /** The record's bytes could not be decoded (Kafka Streams' deserialization handler). */
    UNDECODABLE("deserialize", "undecodable"),
    /** A presence event that decoded but breaks SPEC (the validation processor). */
    INVALID_EVENT("validate", "invalid-event"),
    /** A subscription command that decoded but breaks SPEC (the validation processor). */
    INVALID_SUBSCRIPTION("validate", "invalid-subscription"),
    /** A friendship event that decoded but breaks SPEC (the validation processor). */
    INVALID_FRIENDSHIP("validate", "invalid-friendship"),
    /** A processor threw while handling the record (Kafka Streams' processing handler). */
    PROCESSING_FAILED("process", "processing-failed");

    private final String stage;
    private final String reason;

    DeadLetterCause(String stage, String reason) {
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
