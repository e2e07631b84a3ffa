package io.presence.ingest.gateway;

import java.util.List;

/** The 200 answer of {@code POST /v1/events}: how many items were written and which were refused, and why. */
public record BatchAnswer(int accepted, List<Rejection> rejected) {

    /** One refused item, named by its position in the batch. */
    public record Rejection(int index, int code, String message) {
    }
}
