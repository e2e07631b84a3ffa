package io.presence.bench.timeouts;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.bench.workload.EventSource;
import io.presence.bench.workload.GeneratedEvent;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Connections that come due one after another: one LOGIN per user on a platform with a short
 * {@code timeout}, each logged in {@code timeout} before its deadline, the deadlines spread evenly
 * over {@code [firstDeadline, firstDeadline + spread)}. Nothing else arrives for them.
 */
record DueConnections(String prefix, int users, Platform platform, Duration timeout, long firstDeadline, Duration spread)
        implements EventSource {

    @Override
    public long count() {
        return users;
    }

    long lastDeadline() {
        return deadline(users - 1);
    }

    @Override
    public void generate(Consumer<GeneratedEvent> sink) {
        for (int i = 0; i < users; i++) {
            sink.accept(new GeneratedEvent(EventType.LOGIN, prefix + i, "dev-0", "conn-" + i, platform, null,
                    deadline(i) - timeout.toMillis()));
        }
    }

    private long deadline(int i) {
        return firstDeadline + spread.toMillis() * i / users;
    }
}
