package io.presence.streams.audit;

import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.schemas.topics.Topic;
import io.presence.streams.topology.PresenceEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What gateways would write for the audit IT, in three phases that each end with no connection
 * alive (so no expiry is pending when a phase's instant is recorded): logins, heartbeats, custom
 * status, duplicates, a mis-keyed event, late DISCONNECTs of old connections, logouts, and silent
 * connections left for the detector to expire. Records carry no timestamp, so the log stamps them
 * with the producer's clock, as ingest's do.
 */
final class AuditWorkload {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Topic<String, PresenceEvent> events;
    private final PresenceEvents gateway;
    private final List<String> users;

    AuditWorkload(KafkaProducer<byte[], byte[]> producer, Topic<String, PresenceEvent> events, String run, int userCount) {
        this.producer = producer;
        this.events = events;
        this.gateway = new PresenceEvents("audit-" + run + "-");
        this.users = IntStream.range(0, userCount).mapToObj(i -> "u" + i + "-" + run).toList();
    }

    List<String> users() {
        return users;
    }

    /** Everyone logs in; some set a custom status; half disconnect, half go silent and expire. */
    long phaseOne() throws Exception {
        long start = System.currentTimeMillis();
        for (int i = 0; i < users.size(); i++) {
            String u = users.get(i);
            PresenceEvent login = gateway.login(u, "phone", "c1", Platform.IOS, now());
            send(u, login);
            if (i % 2 == 0) {
                send(u, login); // a gateway retry: the same eventId again
            }
            send(u, gateway.heartbeat(u, "phone", "c1", now()));
            if (i % 3 == 0) {
                send(u, gateway.setCustomStatus(u, "busy " + i, now()));
            }
            if (i < users.size() / 2) {
                send(u, gateway.disconnect(u, "phone", "c1", now()));
            }
        }
        // mis-keyed: the live validator dead-letters it, so the replay must skip it too
        send(users.get(0), gateway.login(users.get(1), "tablet", "x1", Platform.ANDROID, now()));
        return start;
    }

    /** Reconnects on new connections; late DISCONNECTs of c1 (ignored); a second device in and out; some log out. */
    void phaseTwo(long phaseOneStart) throws Exception {
        for (int i = 0; i < users.size(); i++) {
            String u = users.get(i);
            send(u, gateway.login(u, "phone", "c2", Platform.IOS, now()));
            send(u, gateway.disconnect(u, "phone", "c1", phaseOneStart)); // late: an old connection
            if (i % 2 == 0) {
                send(u, gateway.login(u, "web", "w1", Platform.WEB, now()));
                send(u, gateway.setCustomStatus(u, "on the web " + i, now()));
                send(u, gateway.logout(u, "web", now()));
            }
            if (i < users.size() / 2) {
                send(u, gateway.logout(u, "phone", now()));
            }
        }
    }

    /** A few users come back on a tablet and disconnect. */
    void phaseThree() throws Exception {
        for (String u : users.subList(0, 3)) {
            send(u, gateway.login(u, "tablet", "t1", Platform.ANDROID, now()));
            send(u, gateway.heartbeat(u, "tablet", "t1", now()));
            send(u, gateway.disconnect(u, "tablet", "t1", now()));
        }
    }

    private void send(String key, PresenceEvent event) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(events.name(), key.getBytes(StandardCharsets.UTF_8),
                events.valueSerde().serializer().serialize(events.name(), event))).get();
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
