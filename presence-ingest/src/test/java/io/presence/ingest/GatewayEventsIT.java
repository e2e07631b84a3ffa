package io.presence.ingest;

import static io.presence.ingest.GatewayBodies.events;
import static io.presence.ingest.GatewayBodies.item;
import static io.presence.ingest.GatewayBodies.uniqueUser;
import static io.presence.ingest.IngestHttp.assertError;
import static io.presence.ingest.IngestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.presence.avro.EventType;
import io.presence.avro.Platform;
import io.presence.avro.PresenceEvent;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /v1/events} over real HTTP against a real broker; what was written is read back and decoded. */
@ExtendWith(PresenceClusterExtension.class)
class GatewayEventsIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private static IngestCluster cluster;
    private static IngestService ingest;
    private static IngestHttp http;

    @BeforeAll
    static void start(PresenceCluster presence) {
        cluster = IngestCluster.of(presence);
        ingest = cluster.start(Map.of(), InstantSource.fixed(NOW));
        http = new IngestHttp(ingest.port());
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    @Test
    void aGatewayWhoseKeyHasANameIsTheSourceOfItsEventsAndTagsTheirCount() {
        String user = uniqueUser();

        HttpResponse<String> response = http.postEvents(IngestCluster.NAMED_GATEWAY_KEY,
                events(item("LOGIN", user, "phone", "c1", "IOS", null), "{\"type\":\"NOPE\",\"userId\":\"" + user + "\"}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(TopicReader.awaitRecords(cluster.bootstrap(), cluster.topics().events(), user, 1))
                .extracting(record -> record.value().getSource()).containsExactly(IngestCluster.NAMED_GATEWAY);
        assertThat(http.get("/metrics").body()).contains(
                "presence_ingest_gateway_events_total{gateway=\"eu-west\",outcome=\"accepted\"} 1.0",
                "presence_ingest_gateway_events_total{gateway=\"eu-west\",outcome=\"rejected\"} 1.0");
    }

    @Test
    void aBatchIsWrittenInOrderKeyedByUserWithNewIdsThisSourceAndTheGivenTimes() {
        String user = uniqueUser();
        long t = NOW.toEpochMilli() - 1000;
        String body = events(
                item("LOGIN", user, "phone", "c1", "IOS", t),
                item("HEARTBEAT", user, "phone", "c1", null, t + 1),
                item("DISCONNECT", user, "phone", "c1", null, t + 2),
                "{\"type\":\"LOGOUT\",\"userId\":\"" + user + "\",\"deviceId\":\"phone\"}");

        HttpResponse<String> response = http.postEvents(IngestCluster.GATEWAY_KEY, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("accepted").asInt()).isEqualTo(4);
        assertThat(json(response).path("rejected")).isEmpty();
        List<ConsumerRecord<String, PresenceEvent>> written = TopicReader.awaitRecords(cluster.bootstrap(), cluster.topics().events(), user, 4);
        assertThat(written).extracting(ConsumerRecord::key).containsOnly(user);
        List<PresenceEvent> events = written.stream().map(ConsumerRecord::value).toList();
        assertThat(events).extracting(PresenceEvent::getType)
                .containsExactly(EventType.LOGIN, EventType.HEARTBEAT, EventType.DISCONNECT, EventType.LOGOUT);
        assertThat(events).extracting(PresenceEvent::getTimestamp).containsExactly(
                Instant.ofEpochMilli(t), Instant.ofEpochMilli(t + 1), Instant.ofEpochMilli(t + 2), NOW);
        assertThat(events).extracting(PresenceEvent::getSource).containsOnly("ingest-it");
        assertThat(events).extracting(PresenceEvent::getEventId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
        assertThat(events.get(0).getPlatform()).isEqualTo(Platform.IOS);
        assertThat(events.get(0).getConnectionId()).isEqualTo("c1");
        assertThat(events.get(3).getConnectionId()).isNull();
    }

    @Test
    void aGatewaysOwnEventIdIsWrittenAsTheEventsIdSoItsRetriesAreDuplicates() {
        String user = uniqueUser();
        long t = NOW.toEpochMilli() - 1000;
        String body = events("{\"type\":\"HEARTBEAT\",\"userId\":\"" + user
                + "\",\"deviceId\":\"phone\",\"connectionId\":\"c1\",\"timestamp\":" + t + ",\"eventId\":\"gw-1:42\"}");

        assertThat(http.postEvents(IngestCluster.GATEWAY_KEY, body).statusCode()).isEqualTo(200);
        assertThat(http.postEvents(IngestCluster.GATEWAY_KEY, body).statusCode()).as("the retry").isEqualTo(200);

        List<ConsumerRecord<String, PresenceEvent>> written = TopicReader.awaitRecords(cluster.bootstrap(), cluster.topics().events(), user, 2);
        assertThat(written).extracting(r -> r.value().getEventId()).containsExactly("gw-1:42", "gw-1:42");
        assertThat(written).extracting(r -> r.value().getTimestamp()).containsOnly(Instant.ofEpochMilli(t));
    }

    @Test
    void aMixedBatchWritesTheValidItemsAndNamesEveryRefusedOne() {
        String user = uniqueUser();
        String body = events(
                item("LOGIN", user, "phone", "c1", "ANDROID", null),                        // 0 ok
                item("SUBSCRIBE", user, "phone", "c1", null, null),                         // 1 bad type
                "{\"type\":\"HEARTBEAT\",\"userId\":\"" + user + "\",\"connectionId\":\"c1\"}", // 2 no device
                "{\"type\":\"HEARTBEAT\",\"userId\":\"" + user + "\",\"deviceId\":\"phone\",\"connectionId\":\"c1\",\"timestamp\":\"soon\"}", // 3 wrong type
                item("HEARTBEAT", user, "phone", "c1", "IOS", null),                        // 4 platform off LOGIN
                "null",                                                                     // 5 not an object
                "{\"type\":\"HEARTBEAT\",\"userId\":\"" + user + "\",\"deviceId\":\"phone\",\"connectionId\":\"c1\",\"extra\":1}", // 6 unknown field
                item("HEARTBEAT", user, "phone", "c1", null, NOW.toEpochMilli() + 3_600_000), // 7 future
                item("HEARTBEAT", user, "bad device", "c1", null, null),                    // 8 bad id
                item("HEARTBEAT", user, "phone", "c1", null, null));                        // 9 ok

        HttpResponse<String> response = http.postEvents(IngestCluster.GATEWAY_KEY, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.path("accepted").asInt()).isEqualTo(2);
        Map<Integer, String> rejected = IntStream.range(0, answer.path("rejected").size()).mapToObj(i -> answer.path("rejected").get(i))
                .peek(r -> assertThat(r.path("code").asInt()).isEqualTo(40001))
                .collect(Collectors.toMap(r -> r.path("index").asInt(), r -> r.path("message").asText()));
        assertThat(rejected).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(rejected.get(1)).contains("'type'");
        assertThat(rejected.get(2)).contains("'deviceId'");
        assertThat(rejected.get(3)).contains("'timestamp'");
        assertThat(rejected.get(4)).contains("'platform'");
        assertThat(rejected.get(6)).contains("'extra'");
        assertThat(rejected.get(7)).contains("future");
        assertThat(rejected.get(8)).contains("'deviceId'");
        assertThat(TopicReader.awaitRecords(cluster.bootstrap(), cluster.topics().events(), user, 2))
                .extracting(r -> r.value().getType()).containsExactly(EventType.LOGIN, EventType.HEARTBEAT);
    }

    @Test
    void aBatchOf1000IsAcceptedAndOneMoreIsRefusedWhole() {
        String user = uniqueUser();
        String thousand = events(IntStream.range(0, 1000).mapToObj(i -> item("HEARTBEAT", user, "d" + i, "c", null, null)).toArray(String[]::new));
        HttpResponse<String> ok = http.postEvents(IngestCluster.GATEWAY_KEY, thousand);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).path("accepted").asInt()).isEqualTo(1000);
        assertThat(TopicReader.awaitRecords(cluster.bootstrap(), cluster.topics().events(), user, 1000)).hasSize(1000);

        String tooMany = events(IntStream.range(0, 1001).mapToObj(i -> item("HEARTBEAT", "x", "d", "c", null, null)).toArray(String[]::new));
        assertError(http.postEvents(IngestCluster.GATEWAY_KEY, tooMany), 400, 40001);
    }

    @Test
    void anEmptyBatchIsAcceptedWithNothingWritten() {
        HttpResponse<String> response = http.postEvents(IngestCluster.GATEWAY_KEY, "{\"events\":[]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("accepted").asInt()).isZero();
    }

    @Test
    void malformedOrMisshapenBodiesAre40001() {
        assertError(http.postEvents(IngestCluster.GATEWAY_KEY, "{\"events\": [ {"), 400, 40001);
        assertError(http.postEvents(IngestCluster.GATEWAY_KEY, "{}"), 400, 40001);
        assertError(http.postEvents(IngestCluster.GATEWAY_KEY, "{\"events\": {}}"), 400, 40001);
        assertError(http.postEvents(IngestCluster.GATEWAY_KEY, "{\"events\": [], \"more\": 1}"), 400, 40001);
        assertError(http.postEvents(IngestCluster.GATEWAY_KEY, "[]"), 400, 40001);
        assertError(http.postEvents(IngestCluster.GATEWAY_KEY, "{\"events\": [\"" + "x".repeat(1_100_000) + "\"]}"), 400, 40001);
    }

    @Test
    void aMissingOrWrongGatewayKeyIs40101() {
        String body = events(item("HEARTBEAT", uniqueUser(), "d", "c", null, null));
        assertError(http.postEvents(null, body), 401, 40101);
        assertError(http.postEvents("gw-test-ke", body), 401, 40101);
        assertError(http.postEvents(IngestCluster.GATEWAY_KEY + "x", body), 401, 40101);
    }

    @Test
    void theOtherConfiguredKeyIsAcceptedToo() {
        assertThat(http.postEvents("other-key", "{\"events\":[]}").statusCode()).isEqualTo(200);
    }
}
