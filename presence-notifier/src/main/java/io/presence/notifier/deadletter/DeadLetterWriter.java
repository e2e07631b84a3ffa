package io.presence.notifier.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.presence.config.KafkaConnection;
import io.presence.notifier.delivery.DeadLetterReason;
import io.presence.notifier.delivery.DeadLetters;
import io.presence.notifier.delivery.DeliveryTicket;
import io.presence.notifier.delivery.SourceRecord;
import io.presence.schemas.topics.DeadLetterHeaders;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes dead letters to {@code presence.dlq} (acks=all, idempotent) and counts each once Kafka has
 * it: [presence_dlq_records_total{stage,reason}], the same series presence-streams counts. A write
 * Kafka refuses is tried again after a pause, for as long as the service runs; the notification's
 * offset stays uncommitted meanwhile, so even a shutdown then does not lose it.
 */
public final class DeadLetterWriter implements DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterWriter.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(5);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final ScheduledExecutorService scheduler;
    private final Map<DeadLetterReason, Counter> written = new EnumMap<>(DeadLetterReason.class);
    private volatile boolean closed;

    public DeadLetterWriter(Producer<byte[], byte[]> producer, String topic, ScheduledExecutorService scheduler, MeterRegistry registry) {
        this.producer = producer;
        this.topic = topic;
        this.scheduler = scheduler;
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            written.put(reason, Counter.builder("presence.dlq.records")
                    .description("Records sent to presence.dlq, by the stage that refused them and why")
                    .tag("stage", reason.stage()).tag("reason", reason.reason()).register(registry));
        }
    }

    public static Producer<byte[], byte[]> newProducer(KafkaConnection kafka, String clientId) {
        return new KafkaProducer<>(kafka.clientProperties(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5)),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void send(SourceRecord record, DeadLetterReason reason, String message, String exception, DeliveryTicket ticket) {
        if (closed) {
            log.warn("not dead-lettering {}-{}@{} during shutdown; its offset stays uncommitted, so it is read again",
                    record.topic(), record.partition(), record.offset());
            return;
        }
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic, null, record.key(), record.value(),
                DeadLetterHeaders.of(record.headers(), new DeadLetterHeaders.Cause(record.topic(), record.partition(),
                        record.offset(), reason.stage(), reason.reason(), exception, message)));
        try {
            producer.send(letter, (metadata, error) -> {
                if (error == null) {
                    written.get(reason).increment();
                    log.warn("dead-lettered {}-{}@{} ({}): {}", record.topic(), record.partition(), record.offset(),
                            reason.reason(), message);
                    ticket.finish();
                } else {
                    retryLater(record, reason, message, exception, ticket, error);
                }
            });
        } catch (KafkaException e) {
            retryLater(record, reason, message, exception, ticket, e);
        }
    }

    private void retryLater(SourceRecord record, DeadLetterReason reason, String message, String exception,
                            DeliveryTicket ticket, Exception error) {
        if (closed) {
            log.warn("dead letter for {}-{}@{} not written before shutdown ({}); its offset stays uncommitted",
                    record.topic(), record.partition(), record.offset(), error.toString());
            return;
        }
        log.warn("could not write dead letter for {}-{}@{} ({}); trying again in {}",
                record.topic(), record.partition(), record.offset(), error.toString(), RETRY_PAUSE);
        scheduler.schedule(() -> send(record, reason, message, exception, ticket), RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Refuses new dead letters and waits at most {@code grace} for those in flight, whose tickets then
     * finish (so the consumer's final commit covers them).
     */
    public void close(Duration grace) {
        closed = true;
        producer.close(grace);
    }
}
