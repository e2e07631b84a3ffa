package io.presence.bench.e2e;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A contender's input side: sends one tick's changes; completes when they are durable in Kafka. */
interface TickSender {

    CompletableFuture<?> send(List<Phase.Change> changes);
}
