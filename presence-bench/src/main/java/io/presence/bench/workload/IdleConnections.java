package io.presence.bench.workload;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import java.util.function.Consumer;

/**
 * Connections that stay live for the whole run: one LOGIN per user ({@code prefix + i}) at
 * {@code loggedInAt}, on a platform whose timeout is far longer than the run. They fill the status
 * store and the detector's index without ever coming due.
 */
public record IdleConnections(String prefix, int users, Platform platform, long loggedInAt) implements EventSource {

    @Override
    public long count() {
        return users;
    }

    @Override
    public void generate(Consumer<GeneratedEvent> sink) {
        for (int i = 0; i < users; i++) {
            sink.accept(new GeneratedEvent(EventType.LOGIN, prefix + i, "dev-0", "conn-" + i, platform, null, loggedInAt));
        }
    }
}
