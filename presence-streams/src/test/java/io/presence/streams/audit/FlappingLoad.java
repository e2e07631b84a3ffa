package io.presence.streams.audit;

import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.schemas.topics.Topic;
import io.presence.streams.topology.PresenceEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Gateways writing without pause, on a thread of their own, until stopped: every 100 ms each user's
 * phone takes its next step — login, then custom status, disconnect, reconnect by a heartbeat on a new
 * connection, and again — so every event is a change; every seventh is sent twice (a gateway retry).
 */
final class FlappingLoad {

    private static final long ROUND_MILLIS = 100;

    private final KafkaProducer<byte[], byte[]> producer;
    private final Topic<String, PresenceEvent> events;
    private final PresenceEvents gateway;
    private final List<String> users;
    private final Thread thread = new Thread(this::sendRounds, "flapping-load");
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopping;
    private volatile int roundsSent;
    private final AtomicInteger sent = new AtomicInteger();

    FlappingLoad(KafkaProducer<byte[], byte[]> producer, Topic<String, PresenceEvent> events, String run, int userCount) {
        this.producer = producer;
        this.events = events;
        this.gateway = new PresenceEvents("crash-" + run + "-");
        this.users = IntStream.range(0, userCount).mapToObj(i -> "f" + i + "-" + run).toList();
    }

    List<String> users() {
        return users;
    }

    int roundsSent() {
        return roundsSent;
    }

    void start() {
        thread.start();
    }

    /** Logs each of {@code silentUsers} in once, durably; they say nothing after that. */
    void loginSilently(List<String> silentUsers, long at) {
        for (String user : silentUsers) {
            send(user, gateway.login(user, "phone", "c0", Platform.IOS, at));
        }
        producer.flush();
    }

    /** Stops the rounds after the one in progress, closes the producer; fails if a send failed. */
    void stop() throws InterruptedException {
        stopping = true;
        if (thread.getState() != Thread.State.NEW) {
            thread.join();
        }
        producer.close();
        if (failure.get() != null) {
            throw new IllegalStateException("the load failed to send", failure.get());
        }
    }

    private void sendRounds() {
        try {
            for (int round = 0; !stopping; round++) {
                long due = System.currentTimeMillis() + ROUND_MILLIS;
                for (String user : users) {
                    send(user, step(user, round, System.currentTimeMillis()));
                }
                producer.flush();
                roundsSent = round + 1;
                Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
            }
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    private PresenceEvent step(String user, int round, long now) {
        if (round == 0) {
            return gateway.login(user, "phone", "c0", Platform.IOS, now);
        }
        return switch (round % 3) {
            case 1 -> gateway.setCustomStatus(user, "busy " + round, now);
            case 2 -> gateway.disconnect(user, "phone", connection(round - 2), now);
            default -> gateway.heartbeat(user, "phone", connection(round), now);
        };
    }

    /** The phone's connection since {@code round}: the first, or the one its heartbeat reconnected on. */
    private static String connection(int round) {
        return "c" + round;
    }

    private void send(String user, PresenceEvent event) {
        byte[] key = user.getBytes(StandardCharsets.UTF_8);
        byte[] value = events.valueSerde().serializer().serialize(events.name(), event);
        int copies = sent.incrementAndGet() % 7 == 0 ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            producer.send(new ProducerRecord<>(events.name(), key, value), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
    }
}
