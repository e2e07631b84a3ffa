package io.presence.ingest;

/** The 202 answer of a client write: the eventId it was logged under, to correlate with later notifications. */
public record EventIdAnswer(String eventId) {
}
