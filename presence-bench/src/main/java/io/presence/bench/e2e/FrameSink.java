package io.presence.bench.e2e;

/** Where a contender's outputs go as they arrive: a notification frame, or a record of the passthrough baseline. */
interface FrameSink {

    /**
     * @param status       the general status the frame carries, or null where the output has none (the baseline)
     * @param arrivalNanos when it arrived (System.nanoTime)
     */
    void frame(String userId, long version, String status, long arrivalNanos);

    /** Drops every frame, e.g. between phases. */
    FrameSink NONE = (userId, version, status, arrivalNanos) -> { };
}
