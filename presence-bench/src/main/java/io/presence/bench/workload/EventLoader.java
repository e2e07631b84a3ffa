package io.presence.bench.workload;

import io.presence.avro.PresenceEvent;
import io.presence.bench.report.BenchReport;
import io.presence.bench.report.ProgressTicker;
import io.presence.bench.report.Throughput;
import io.presence.schemas.topics.Topic;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes a generated workload into {@code presence.events} (or as the {@link EventRecords} given)
 * as fast as a plain producer can, in the wire format the gateways and ingest use (the catalogue's
 * serde). Not transactional: the log then holds no transaction markers, so its end offset is
 * exactly "after the last event".
 */
public final class EventLoader {

    public static final String SOURCE = "presence-bench";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final String bootstrap;
    private final Topic<String, PresenceEvent> events;
    private final BenchReport report;

    public EventLoader(String bootstrap, Topic<String, PresenceEvent> events, BenchReport report) {
        this.bootstrap = bootstrap;
        this.events = events;
        this.report = report;
    }

    /** A producer tuned for bulk loading; acks=all and idempotent like every writer of the log. */
    public static Producer<byte[], byte[]> bulkProducer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "presence-bench-loader",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Loads every event of {@code workload}; eventIds come from {@code seed}, so a rerun writes the same log. */
    public Throughput load(EventSource workload, long seed) {
        return load(workload, seed, EventRecords.into(events));
    }

    /** Loads every event of {@code workload} as the records {@code records} makes of it; the throughput counts events. */
    public Throughput load(EventSource workload, long seed, EventRecords records) {
        SplittableRandom ids = new SplittableRandom(seed);
        AtomicLong sent = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long total = workload.count();
        long started = System.nanoTime();
        ProgressTicker progress = new ProgressTicker(PROGRESS_EVERY, () -> report.say("  loaded %,d / %,d events", sent.get(), total));
        try (Producer<byte[], byte[]> producer = bulkProducer(bootstrap)) {
            workload.generate(event -> {
                PresenceEvent value = event.toPresenceEvent(new UUID(ids.nextLong(), ids.nextLong()).toString(), SOURCE);
                for (ProducerRecord<byte[], byte[]> record : records.of(value)) {
                    producer.send(record, (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
                }
                sent.incrementAndGet();
            });
            producer.flush();
        } finally {
            progress.close();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading the events failed: " + failure.get(), failure.get());
        }
        return new Throughput(total, Duration.ofNanos(System.nanoTime() - started));
    }
}
