package io.presence.schemas.topics;

import java.time.Duration;

/**
 * How far an event's own {@code timestamp} may run ahead of the Kafka timestamp of the record that
 * carries it, on every input topic of SPEC §2. A writer stamps both from its clock, the event a
 * moment before the send, so a real event leads by nothing or by the skew between two of the writer's
 * clocks; ingest refuses more than {@code presence.ingest.max-clock-skew}, which may not exceed this.
 *
 * <p>The bound protects what a far-future event would break: it would stand as its device's newest
 * event until that time and make every real one stale (R-SES-7), push deadlines past the end of
 * {@code long}, and date the outputs beyond what the broker accepts (by default at most an hour
 * ahead, {@code message.timestamp.after.max.ms}), which stops an exactly-once application. It is
 * measured against the record rather than the wall clock, so a replay of the log judges every event
 * exactly as the live application did.
 */
public final class TimestampLead {

    /** The most an event may be dated after its record. */
    public static final Duration MAX = Duration.ofMinutes(5);

    private TimestampLead() {
    }

    /** Whether an event dated {@code eventTimestamp} runs further ahead of its record than {@link #MAX}. */
    public static boolean exceeded(long eventTimestamp, long recordTimestamp) {
        // subtracting first cannot overflow for the non-negative timestamps that reach here
        return eventTimestamp - recordTimestamp > MAX.toMillis();
    }
}
