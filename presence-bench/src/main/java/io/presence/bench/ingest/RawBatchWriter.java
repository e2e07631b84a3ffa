package io.presence.bench.ingest;

import io.presence.bench.workload.GeneratedEvent;
import io.presence.config.KafkaConnection;
import io.presence.ingest.kafka.PresenceLog;
import io.presence.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The latency baseline of one gateway batch: the same events written by ingest's own Kafka writer
 * ({@link PresenceLog}, complete when every record is acknowledged with acks=all), without HTTP,
 * JSON or validation in front of it.
 */
final class RawBatchWriter implements AutoCloseable {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final PresenceLog log;

    RawBatchWriter(String bootstrap, Topics topics) {
        this.log = new PresenceLog(PresenceLog.newProducer(KafkaConnection.to(bootstrap), "presence-bench-raw-batches", WRITE_TIMEOUT), topics, WRITE_TIMEOUT);
    }

    CompletableFuture<Void> write(List<GeneratedEvent> batch) {
        return log.appendEvents(batch.stream()
                .map(e -> e.toPresenceEvent(UUID.randomUUID().toString(), "presence-bench-raw")).toList());
    }

    @Override
    public void close() {
        log.close();
    }
}
