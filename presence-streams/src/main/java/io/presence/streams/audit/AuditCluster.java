package io.presence.streams.audit;

import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.avro.StatusNotification;
import io.presence.config.KafkaConnection;
import io.presence.schemas.registry.SchemaRegistryClient;
import io.presence.schemas.registry.SchemaRegistryException;
import io.presence.schemas.serde.AvroWireSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The cluster an audit reads: checked up front (broker reachable, registry answering) so a wrong
 * address is one clear line, not a consumer retrying forever. Consumers read committed data only:
 * the live app writes transactionally (exactly_once_v2), and an aborted attempt must not count.
 */
final class AuditCluster implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaConnection kafka;
    private final Admin admin;
    private final SchemaRegistryClient registry;

    private AuditCluster(KafkaConnection kafka, Admin admin, SchemaRegistryClient registry) {
        this.kafka = kafka;
        this.admin = admin;
        this.registry = registry;
    }

    static AuditCluster connect(KafkaConnection kafka, String registryUrl) {
        return open(kafka, checkedRegistry(registryUrl));
    }

    /** For commands that move records as bytes and decode none (the dead letters): no registry needed. */
    static AuditCluster connectWithoutRegistry(KafkaConnection kafka) {
        return open(kafka, null);
    }

    private static AuditCluster open(KafkaConnection kafka, SchemaRegistryClient registry) {
        String bootstrap = kafka.bootstrap();
        Admin admin = Admin.create(kafka.clientProperties(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis())));
        try {
            admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            admin.close(Duration.ZERO);
            throw new AuditException("cannot reach Kafka at " + bootstrap + " within " + TIMEOUT.toSeconds()
                    + " s (check --bootstrap)", ExitCodes.UNAVAILABLE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admin.close(Duration.ZERO);
            throw new AuditException("interrupted while connecting to " + bootstrap, ExitCodes.UNAVAILABLE, e);
        }
        return new AuditCluster(kafka, admin, registry);
    }

    /** The registry is only needed once the first record is decoded; asking it now fails early and clearly. */
    private static SchemaRegistryClient checkedRegistry(String registryUrl) {
        SchemaRegistryClient registry;
        try {
            registry = new SchemaRegistryClient(registryUrl, TIMEOUT, 2);
        } catch (IllegalArgumentException e) {
            throw new AuditException("schema registry URL is not a URL: " + e.getMessage() + " (check --registry)", ExitCodes.UNAVAILABLE);
        }
        try {
            registry.checkReachable();
        } catch (SchemaRegistryException e) {
            throw new AuditException(e.getMessage() + " (check --registry)", ExitCodes.UNAVAILABLE);
        }
        return registry;
    }

    /** The topic's partition count; a clear error if the topic does not exist. */
    int partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new AuditException("topic " + topic + " does not exist on " + kafka.bootstrap(), ExitCodes.UNAVAILABLE);
            }
            throw new AuditException("cannot describe topic " + topic + ": " + e.getCause().getMessage(),
                    ExitCodes.UNAVAILABLE, e);
        } catch (TimeoutException e) {
            throw new AuditException("Kafka at " + kafka.bootstrap() + " did not describe " + topic + " within "
                    + TIMEOUT.toSeconds() + " s", ExitCodes.UNAVAILABLE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException("interrupted while describing " + topic, ExitCodes.UNAVAILABLE, e);
        }
    }

    /** A consumer without a group (the audit assigns partitions and commits nothing); values stay bytes until needed. */
    KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(kafka.clientProperties(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 << 20,
                // a scan stops at fixed ends, so a fetch that finds nothing only delays close(), which
                // waits for it: at the 500 ms default that was ~0.5 s per partition read
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Writes records back as they were read (bytes): acks=all and idempotent, so a retry never doubles one. */
    KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(kafka.clientProperties(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (6 * TIMEOUT.toMillis()),
                ProducerConfig.LINGER_MS_CONFIG, 5)),
                new StringSerializer(), new ByteArraySerializer());
    }

    AvroWireSerde<PresenceEvent> eventSerde() {
        return new AvroWireSerde<>(registry(), PresenceEvent.class);
    }

    AvroWireSerde<StatusNotification> notificationSerde() {
        return new AvroWireSerde<>(registry(), StatusNotification.class);
    }

    AvroWireSerde<StatusChange> statusChangeSerde() {
        return new AvroWireSerde<>(registry(), StatusChange.class);
    }

    private SchemaRegistryClient registry() {
        if (registry == null) {
            throw new IllegalStateException("connected without a schema registry");
        }
        return registry;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
