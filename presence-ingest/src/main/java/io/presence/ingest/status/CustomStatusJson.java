package io.presence.ingest.status;

/** The body of {@code PUT /v1/me/status}: {@code {"customStatus": "Listening to music"}}; {@code ""} clears it. */
public record CustomStatusJson(String customStatus) {
}
