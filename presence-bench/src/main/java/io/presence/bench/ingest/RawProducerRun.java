package io.presence.bench.ingest;

import io.presence.avro.PresenceEvent;
import io.presence.bench.report.Throughput;
import io.presence.bench.workload.GeneratedEvent;
import io.presence.config.KafkaConnection;
import io.presence.ingest.kafka.PresenceLog;
import io.presence.schemas.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Ingest's baseline: the same events written straight to {@code presence.events} by a producer
 * configured exactly as ingest's ({@link PresenceLog#newProducer}: acks=all, idempotent, same linger
 * and compression), each built and encoded as ingest builds it (a random UUID eventId, the
 * catalogue's serde). Done when every record is acknowledged, i.e. durable.
 */
final class RawProducerRun {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrap;
    private final Topic<String, PresenceEvent> events;

    RawProducerRun(String bootstrap, Topic<String, PresenceEvent> events) {
        this.bootstrap = bootstrap;
        this.events = events;
    }

    Throughput send(List<GeneratedEvent> batch) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (Producer<byte[], byte[]> producer = PresenceLog.newProducer(KafkaConnection.to(bootstrap), "presence-bench-raw", WRITE_TIMEOUT)) {
            // connect and fetch metadata before the clock starts, as ingest has by the time it serves
            producer.partitionsFor(events.name());
            long started = System.nanoTime();
            for (GeneratedEvent event : batch) {
                PresenceEvent value = event.toPresenceEvent(UUID.randomUUID().toString(), "presence-bench-raw");
                producer.send(new ProducerRecord<>(events.name(),
                        events.keySerde().serializer().serialize(events.name(), event.userId()),
                        events.valueSerde().serializer().serialize(events.name(), value)), (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (failure.get() != null) {
                throw new IllegalStateException("the raw producer failed: " + failure.get(), failure.get());
            }
            return new Throughput(batch.size(), elapsed);
        }
    }
}
