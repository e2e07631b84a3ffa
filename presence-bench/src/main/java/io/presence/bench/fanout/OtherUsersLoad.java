package io.presence.bench.fanout;

import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.config.KafkaConnection;
import io.presence.ingest.kafka.PresenceLog;
import io.presence.schemas.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Other users changing status at a fixed rate, as a gateway and ingest would write it (ingest's
 * producer settings): each user logs in, then sets a new custom status on every later turn — each a
 * visible change, told to the user itself. Remembers when each (user, version) was sent.
 */
final class OtherUsersLoad implements AutoCloseable {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final Topic<String, PresenceEvent> events;
    private final FanoutUsers users;
    private final Producer<byte[], byte[]> producer;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-other-users");
        thread.setDaemon(true);
        return thread;
    });
    private long turns;

    OtherUsersLoad(String bootstrap, Topic<String, PresenceEvent> events, FanoutUsers users) {
        this.events = events;
        this.users = users;
        this.producer = PresenceLog.newProducer(KafkaConnection.to(bootstrap), "presence-bench-other-users", WRITE_TIMEOUT);
    }

    void start(int perSecond) {
        pacer.scheduleAtFixedRate(this::sendNext, 0, TimeUnit.SECONDS.toNanos(1) / perSecond, TimeUnit.NANOSECONDS);
    }

    /** When the change of {@code user} to {@code version} was sent (System.nanoTime); null if this load never sent it. */
    Long sentAt(String user, long version) {
        return sentAt.get(user + ':' + version);
    }

    private void sendNext() {
        String user = users.other((int) (turns % users.others()));
        long version = turns / users.others() + 1;
        turns++;
        PresenceEvent change = new PresenceEvent(UUID.randomUUID().toString(), Instant.now(), "presence-bench",
                version == 1 ? EventType.LOGIN : EventType.SET_CUSTOM_STATUS, user, version == 1 ? "phone" : null,
                version == 1 ? "c1" : null, version == 1 ? Platform.IOS : null, version == 1 ? null : "status " + version, null);
        sentAt.put(user + ':' + version, System.nanoTime());
        producer.send(new ProducerRecord<>(events.name(), events.keySerde().serializer().serialize(events.name(), user),
                events.valueSerde().serializer().serialize(events.name(), change)), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
    }

    @Override
    public void close() throws InterruptedException {
        pacer.shutdownNow();
        pacer.awaitTermination(10, TimeUnit.SECONDS);
        producer.close();
        if (failure.get() != null) {
            throw new IllegalStateException("the other users' load failed: " + failure.get(), failure.get());
        }
    }
}
