package io.presence.streams.dlq;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * [presence_dlq_records_total{stage,reason}]. Every cause is registered up front, so the series
 * exist at 0 before the first bad record and an alert can compare against them.
 */
public final class DeadLetterCounter {

    private final Map<DeadLetterCause, Counter> counters = new EnumMap<>(DeadLetterCause.class);

    public DeadLetterCounter(MeterRegistry registry) {
        for (DeadLetterCause cause : DeadLetterCause.values()) {
            counters.put(cause, Counter.builder("presence.dlq.records")
                    .description("Records sent to presence.dlq, by the stage that refused them and why")
                    .tag("stage", cause.stage()).tag("reason", cause.reason()).register(registry));
        }
    }

    public void count(DeadLetterCause cause) {
        counters.get(cause).increment();
    }
}
