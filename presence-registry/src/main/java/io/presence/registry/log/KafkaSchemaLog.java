package io.presence.registry.log;

import io.presence.config.KafkaConnection;
import io.presence.registry.catalog.RegistryRecord;
import io.presence.registry.catalog.SchemaLog;
import io.presence.registry.catalog.SchemaLogException;
import io.presence.schemas.topics.TopicBootstrapper;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's log in the compacted, single-partition topic {@link TopicLayout#SCHEMAS}.
 *
 * <p><b>Single writer.</b> The catalog is read once at start and then only updated by this process's
 * own writes, so exactly one registry instance may run against a topic (Confluent solves the same
 * problem by electing a leader; this registry is for local runs and tests and does not).
 *
 * <p>Writes are synchronous, with {@code acks=all} and an idempotent producer: when
 * {@link #append} returns, the record is replicated and the caller may apply and answer it. When a
 * write fails (for example a timeout) its outcome is unknown: the record may still land. The keys make
 * that harmless in practice: the client's retry writes the same id or version key again, and the last
 * record per key is the one a restart sees.
 */
public final class KafkaSchemaLog implements SchemaLog {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaLog.class);
    private static final String CLIENT_ID = "presence-schema-registry";
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConnection kafka;
    private final String bootstrap;
    private final TopicSpec topic;
    private final TopicPartition partition;
    private final Duration timeout;
    private final RegistryRecordCodec codec = new RegistryRecordCodec();
    private KafkaProducer<byte[], byte[]> producer;

    /** Connects lazily: nothing touches Kafka before {@link #replay}. {@code timeout} bounds each wait on Kafka. */
    public KafkaSchemaLog(KafkaConnection kafka, TopicLayout layout, Duration timeout) {
        this.kafka = kafka;
        this.bootstrap = kafka.bootstrap();
        this.topic = layout.schemas();
        this.partition = new TopicPartition(topic.name(), 0);
        this.timeout = timeout;
    }

    /** Creates the topic if needed, reads it from the beginning to its current end, then opens the producer. */
    @Override
    public synchronized void replay(Consumer<RegistryRecord> apply) {
        try {
            ensureTopic();
            long records = readToEnd(apply);
            producer = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
            log.info("read {} records from {} at {}", records, topic.name(), bootstrap);
        } catch (KafkaException e) {
            throw new SchemaLogException("cannot read " + topic.name() + " from Kafka at " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void append(RegistryRecord record) {
        if (producer == null) {
            throw new IllegalStateException("append before replay: the registry must load the log first");
        }
        RegistryRecordCodec.Encoded encoded = codec.encode(record);
        try {
            producer.send(new ProducerRecord<>(topic.name(), partition.partition(), encoded.key(), encoded.value()))
                    .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaLogException("interrupted while writing to " + topic.name(), e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new SchemaLogException("cannot write to " + topic.name() + " at " + bootstrap + ": " + cause, cause);
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(timeout);
        }
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(kafka.clientProperties(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, CLIENT_ID,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis())))) {
            new TopicBootstrapper(admin, timeout).ensure(List.of(topic));
        } catch (RuntimeException e) {
            throw new SchemaLogException("cannot set up " + topic.name() + " on Kafka at " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    private long readToEnd(Consumer<RegistryRecord> apply) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            long read = 0;
            long lastProgress = System.nanoTime();
            // compare positions, not record offsets: compaction leaves gaps, so the last record may sit before the end offset
            while (consumer.position(partition, timeout) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    applyOne(record, apply);
                    read++;
                    lastProgress = System.nanoTime();
                }
                if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                    throw new SchemaLogException("no progress reading " + topic.name() + " for " + timeout
                            + " at offset " + consumer.position(partition) + " of " + end, null);
                }
            }
            return read;
        }
    }

    private void applyOne(ConsumerRecord<byte[], byte[]> record, Consumer<RegistryRecord> apply) {
        try {
            apply.accept(codec.decode(record.key(), record.value()));
        } catch (RuntimeException e) {
            // a record we cannot fold would silently shift ids or versions: refuse to serve instead
            throw new SchemaLogException("record at offset " + record.offset() + " of " + topic.name()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> producerConfig() {
        return kafka.clientProperties(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, CLIENT_ID,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
    }

    private Map<String, Object> consumerConfig() {
        return kafka.clientProperties(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs(),
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
    }

    // delivery.timeout.ms must be at least request.timeout.ms (+ linger.ms), so requests get half the budget
    private int requestTimeoutMs() {
        return (int) Math.max(1, timeout.toMillis() / 2);
    }
}
