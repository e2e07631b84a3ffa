package io.presence.notifier.intake;

import io.presence.avro.StatusNotification;
import io.presence.config.KafkaConnection;
import io.presence.notifier.delivery.DeadLetterReason;
import io.presence.notifier.delivery.DeadLetters;
import io.presence.notifier.delivery.DeliveryTicket;
import io.presence.notifier.delivery.RecipientLanes;
import io.presence.schemas.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier's one consumer of {@code presence.notifications} (read_committed, a consumer group
 * shared by all instances), on its own thread. Each record gets a ticket on its offset and is routed
 * on its recipient's {@link DeliveryShards delivery thread};
 * offsets are committed every interval up to each partition's lowest unfinished one (at-least-once:
 * a crash redelivers, never loses). Consumption pauses while too many notifications are unfinished.
 * Bad records go to {@code presence.dlq}; nothing a record contains stops the loop. A record that
 * cannot be decoded while the schema registry is down is set aside and decoded again every second,
 * off the delivery threads, until the registry answers; then it is delivered on its recipient's
 * thread. The others go on meanwhile, those of its recipient too: if one of them is a newer version
 * of the same user, the set-aside one arrives stale and is dropped (R-NOT-2), as a re-read is.
 */
public final class NotificationConsumer {

    private static final Logger log = LoggerFactory.getLogger(NotificationConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(1);
    private static final Duration REGISTRY_BACKOFF = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_POLL_RECORDS = 5000;

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final NotificationDecoder decoder;
    private final RecipientLanes lanes;
    private final DeadLetters deadLetters;
    private final IntakeSettings settings;
    private final CompletedOffsets offsets = new CompletedOffsets();
    private final OffsetCommits commits;
    private final PartitionHandover handover;
    private final DeliveryShards shards;
    private final ScheduledExecutorService registryWaits = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "presence-notifier-registry-wait");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread thread = new Thread(this::run, "presence-notifier-consumer");
    private volatile boolean running = true;
    private volatile String failure;
    private volatile boolean paused;

    public NotificationConsumer(Consumer<byte[], byte[]> consumer, Topic<String, StatusNotification> topic, RecipientLanes lanes,
                                DeadLetters deadLetters, PartitionOwnership ownership, IntakeSettings settings) {
        this.consumer = consumer;
        this.topic = topic.name();
        this.decoder = new NotificationDecoder(topic.valueSerde().deserializer());
        this.lanes = lanes;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.commits = new OffsetCommits(consumer, offsets, settings.commitInterval());
        this.handover = new PartitionHandover(offsets, commits, ownership);
        this.shards = new DeliveryShards(settings.deliveryThreads());
    }

    public static Consumer<byte[], byte[]> newConsumer(KafkaConnection kafka, String clientId, IntakeSettings settings) {
        int sessionTimeoutMs = (int) settings.sessionTimeout().toMillis();
        Map<String, Object> config = kafka.clientProperties(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // notifications are written in the fan-out's transactions: never deliver an aborted one
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.autoOffsetReset(),
                // only partitions that really move are revoked, so a rebalance leaves the others' sockets alone
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs,
                // a whole commit interval of the fan-out's notifications in one poll, so that all of it is handed on oldest first
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.min(3000, sessionTimeoutMs / 3)));
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public NotificationConsumer start() {
        thread.start();
        return this;
    }

    /** True once the group gave this instance its first assignment (possibly empty) and its start offsets are fixed. */
    public boolean hasJoined() {
        return handover.hasJoined();
    }

    /** Why consuming fails, while it does. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** True while consumption is paused because too many notifications are unfinished. */
    public boolean isPaused() {
        return paused;
    }

    /** Notifications consumed and not finished yet. */
    public int inFlight() {
        return offsets.inFlight();
    }

    /**
     * Stops consuming: commits what finished, leaves the group (its partitions move to the other
     * instances at once) and waits for the consumer thread up to {@code grace}.
     */
    public void close(Duration grace) {
        running = false;
        consumer.wakeup();
        try {
            thread.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        consumer.subscribe(List.of(topic), handover);
        while (running) {
            try {
                pollOnce();
                failure = null;
            } catch (WakeupException e) {
                // close() interrupts the poll this way; the loop condition ends the loop
            } catch (RuntimeException e) {
                failure = "consuming " + topic + " fails: " + e;
                log.error("consuming {} failed; trying again in {}", topic, FAILURE_BACKOFF, e);
                sleep(FAILURE_BACKOFF);
            }
        }
        registryWaits.shutdownNow();
        shards.close(CLOSE_TIMEOUT);
        try {
            commits.commitAllNow("on shutdown");
            // leaving the group revokes every partition through the handover, which closes their sockets
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            log.info("stopped consuming {}", topic);
        } catch (KafkaException e) {
            log.warn("leaving consumer group {} did not complete ({}); the group moves its partitions after the session timeout",
                    settings.groupId(), e.toString());
        }
    }

    private void pollOnce() {
        for (ConsumerRecord<byte[], byte[]> record : OldestFirst.order(consumer.poll(POLL_TIMEOUT))) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            DeliveryTicket ticket = offsets.begin(partition, record.offset());
            shards.execute(record.key(), () -> hand(record, partition, ticket));
        }
        applyBackpressure();
        commits.commitIfDue();
    }

    /** On a delivery thread. */
    private void hand(ConsumerRecord<byte[], byte[]> record, TopicPartition partition, DeliveryTicket ticket) {
        if (!offsets.tracks(partition)) {
            // revoked while this waited for its thread: left unfinished, the new owner delivers it
            return;
        }
        deliver(decoder.decode(record), record, partition, ticket);
    }

    /** On a delivery thread. */
    private void deliver(NotificationDecoder.Decoded decoded, ConsumerRecord<byte[], byte[]> record, TopicPartition partition,
                         DeliveryTicket ticket) {
        if (decoded instanceof NotificationDecoder.Unavailable unavailable) {
            log.warn("{} offset {} waits for the schema registry: {}", partition, record.offset(), unavailable.message());
            decodeLater(record, partition, ticket);
            return;
        }
        if (decoded instanceof NotificationDecoder.Refused refused) {
            deadLetters.send(NotificationDecoder.sourceOf(record), refused.reason(), refused.message(), refused.exception(), ticket);
            return;
        }
        NotificationDecoder.Valid valid = (NotificationDecoder.Valid) decoded;
        try {
            lanes.route(valid.notification(), ticket);
        } catch (RuntimeException e) {
            log.error("routing notification {} failed; dead-lettering it", valid.notification().id(), e);
            deadLetters.send(valid.notification().source(), DeadLetterReason.PROCESSING_FAILED, String.valueOf(e.getMessage()),
                    e.getClass().getName(), ticket);
        }
    }

    // Decoding waits out the registry client's own retries: on this thread, not a delivery thread. A record
    // left unfinished here (stopping, or its partition revoked) is never committed, so it is read again.
    private void decodeLater(ConsumerRecord<byte[], byte[]> record, TopicPartition partition, DeliveryTicket ticket) {
        try {
            registryWaits.schedule(() -> {
                if (running && offsets.tracks(partition)) {
                    NotificationDecoder.Decoded again = decoder.decode(record);
                    shards.execute(record.key(), () -> deliver(again, record, partition, ticket));
                }
            }, REGISTRY_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // shutting down: left unfinished
        }
    }

    // Bounds memory when a webhook is down and unfinished notifications pile up in the retry lanes:
    // checked after each poll, so at most max-in-flight plus one poll's records (max.poll.records) are held.
    private void applyBackpressure() {
        int inFlight = offsets.inFlight();
        if (inFlight >= settings.maxInFlight()) {
            if (!paused) {
                log.warn("{} notifications unfinished (max {}); pausing consumption", inFlight, settings.maxInFlight());
            }
            // every round: partitions assigned while paused must pause too
            consumer.pause(consumer.assignment());
            paused = true;
        } else if (paused && inFlight <= settings.maxInFlight() / 2) {
            log.info("{} notifications unfinished; resuming consumption", inFlight);
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
