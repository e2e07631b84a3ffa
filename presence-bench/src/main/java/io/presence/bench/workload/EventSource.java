package io.presence.bench.workload;

import java.util.function.Consumer;

/** A finite, repeatable stream of generated events in log order. */
public interface EventSource {

    long count();

    /** Hands every event to {@code sink}, in log order; the same source gives the same events every time. */
    void generate(Consumer<GeneratedEvent> sink);
}
