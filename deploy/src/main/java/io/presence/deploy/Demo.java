package io.presence.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.presence.avro.PresenceEvent;
import io.presence.schemas.topics.Topic;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * What the local run shows when started without {@code --no-demo}: a gateway and clients drive
 * the system through the HTTP APIs (gateway events with the gateway key; a subscription and a
 * custom status with JWTs minted from the auth secret), then the events are read back from
 * {@code presence.events} and decoded, to show what the API wrote.
 */
final class Demo {

    static final List<String> USERS = List.of("alice", "bob");
    /** Follows {@link #USERS}: the user whose WebSocket shows their notifications. */
    static final String SUBSCRIBER = "carol";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SUBSCRIPTION_WAIT = Duration.ofSeconds(10);

    private final URI ingest;
    private final URI streams;
    private final String gatewayKey;
    private final ClientTokens tokens;
    private final String bootstrap;
    private final Topic<String, PresenceEvent> events;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Demo(String ingestUrl, String streamsUrl, String gatewayKey, ClientTokens tokens, String bootstrap,
         Topic<String, PresenceEvent> events, PrintStream out) {
        this.ingest = URI.create(ingestUrl);
        this.streams = URI.create(streamsUrl);
        this.gatewayKey = gatewayKey;
        this.tokens = tokens;
        this.bootstrap = bootstrap;
        this.events = events;
        this.out = out;
    }

    /**
     * {@link #SUBSCRIBER} subscribes to {@link #USERS} through ingest; returns once presence-streams
     * lists the subscription, so it is in place before the users' first change.
     */
    void subscribe() throws IOException, InterruptedException {
        out.println();
        out.println("demo: " + SUBSCRIBER + " subscribes to " + String.join(" and ", USERS) + ", and her app opens a WebSocket to the notifier");
        String body = JSON.writeValueAsString(Map.of("userIds", USERS));
        show(SUBSCRIBER + " POST /v1/me/subscriptions " + body, clientRequest(ingest, SUBSCRIBER, "/v1/me/subscriptions")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        HttpRequest mine = clientRequest(streams, SUBSCRIBER, "/v1/me/subscriptions").GET().build();
        Instant giveUp = Instant.now().plus(SUBSCRIPTION_WAIT);
        HttpResponse<String> listed = http.send(mine, HttpResponse.BodyHandlers.ofString());
        while (!USERS.equals(subscribedTo(listed)) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            listed = http.send(mine, HttpResponse.BodyHandlers.ofString());
        }
        out.printf("  %-52s → %d %s%n", SUBSCRIBER + " GET /v1/me/subscriptions (streams)", listed.statusCode(), listed.body());
    }

    void run() throws IOException, InterruptedException {
        out.println();
        out.println("demo: alice logs in on her phone and bob on the web; alice sets a status, then loses her connection");
        try (var consumer = newConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(events.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> before = consumer.endOffsets(partitions);

            gateway("{\"type\":\"LOGIN\",\"userId\":\"alice\",\"deviceId\":\"phone\",\"connectionId\":\"conn-a1\",\"platform\":\"IOS\"},"
                    + "{\"type\":\"LOGIN\",\"userId\":\"bob\",\"deviceId\":\"laptop\",\"connectionId\":\"conn-b1\",\"platform\":\"WEB\"}");
            client("alice", "{\"customStatus\":\"In a meeting\"}");
            gateway("{\"type\":\"HEARTBEAT\",\"userId\":\"alice\",\"deviceId\":\"phone\",\"connectionId\":\"conn-a1\"},"
                    + "{\"type\":\"DISCONNECT\",\"userId\":\"alice\",\"deviceId\":\"phone\",\"connectionId\":\"conn-a1\"}");

            // every call above was acknowledged by Kafka before it answered, so the end offsets now cover them
            out.println("demo: what the API wrote to " + events.name() + ":");
            for (ConsumerRecord<String, PresenceEvent> record : readBetween(consumer, before, consumer.endOffsets(partitions))) {
                PresenceEvent e = record.value();
                out.printf("  p%d@%d  %-6s %-18s device=%-7s connection=%-8s source=%s%s%n", record.partition(), record.offset(),
                        record.key(), e.getType(), e.getDeviceId(), e.getConnectionId(), e.getSource(),
                        e.getCustomStatus() == null ? "" : " customStatus=\"" + e.getCustomStatus() + "\"");
            }
        }
    }

    private void gateway(String items) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/v1/events"))
                .header("Content-Type", "application/json").header("X-Api-Key", gatewayKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[" + items + "]}")).build();
        show("gateway  POST /v1/events", request);
    }

    private void client(String userId, String body) throws IOException, InterruptedException {
        show(userId + " PUT /v1/me/status " + body,
                clientRequest(ingest, userId, "/v1/me/status").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder clientRequest(URI service, String userId, String path) {
        return HttpRequest.newBuilder(service.resolve(path))
                .header("Content-Type", "application/json").header("Authorization", tokens.bearer(userId));
    }

    private static List<String> subscribedTo(HttpResponse<String> answer) throws IOException {
        if (answer.statusCode() != 200) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        JSON.readTree(answer.body()).path("userIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private void show(String what, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        out.printf("  %-52s → %d %s%n", what, response.statusCode(), response.body());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("demo call " + what + " failed with " + response.statusCode() + ": " + response.body());
        }
    }

    private KafkaConsumer<String, PresenceEvent> newConsumer() {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", bootstrap,
                "enable.auto.commit", false,
                "isolation.level", "read_committed");
        return new KafkaConsumer<>(config, events.keySerde().deserializer(), events.valueSerde().deserializer());
    }

    private static List<ConsumerRecord<String, PresenceEvent>> readBetween(KafkaConsumer<String, PresenceEvent> consumer,
                                                                          Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        List<ConsumerRecord<String, PresenceEvent>> read = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(10);
        while (from.keySet().stream().anyMatch(tp -> consumer.position(tp) < to.get(tp)) && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, PresenceEvent> record : consumer.poll(Duration.ofMillis(200))) {
                if (USERS.contains(record.key()) && record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                    read.add(record);
                }
            }
        }
        read.sort((a, b) -> a.value().getTimestamp().compareTo(b.value().getTimestamp()));
        return read;
    }
}
