package io.presence.ingest;

import static io.presence.ingest.IngestHttp.assertError;
import static io.presence.ingest.GatewayBodies.uniqueUser;
import static io.presence.ingest.IngestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.SubscriptionCommand;
import io.presence.avro.SubscriptionCommandType;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST} / {@code DELETE /v1/me/subscriptions}: commands, limits, rate limit and feature switch. */
@ExtendWith(PresenceClusterExtension.class)
class SubscriptionsIT {

    // the rate limiter's clock: tests move it instead of sleeping
    private static final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    private static IngestCluster cluster;
    private static IngestService ingest;
    private static IngestService ingestWithFeatureOff;
    private static IngestHttp http;

    @BeforeAll
    static void start(PresenceCluster presence) {
        cluster = IngestCluster.of(presence);
        ingest = cluster.start(Map.of(), now::get);
        ingestWithFeatureOff = cluster.start(Map.of("PRESENCE_FEATURES_QUERY_AND_SUBSCRIBE", "false"), now::get);
        http = new IngestHttp(ingest.port());
    }

    @AfterAll
    static void stop() {
        ingest.close();
        ingestWithFeatureOff.close();
    }

    @Test
    void subscribeUnsubscribeAndClearAreLoggedAsCommandsKeyedByTheCaller() {
        String me = uniqueUser();
        String token = TestTokens.bearer(me);
        HttpResponse<String> subscribed = http.subscribe(token, "{\"userIds\":[\"carol\",\"bob\",\"dave\"]}");
        HttpResponse<String> unsubscribed = http.unsubscribe(token, "{\"userIds\":[\"bob\"]}");
        HttpResponse<String> cleared = http.unsubscribe(token, "{\"userIds\":[]}");

        for (HttpResponse<String> response : List.of(subscribed, unsubscribed, cleared)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        }
        List<ConsumerRecord<String, SubscriptionCommand>> written =
                TopicReader.awaitRecords(cluster.bootstrap(), cluster.topics().subscriptions(), me, 3);
        assertThat(written).extracting(ConsumerRecord::key).containsOnly(me);
        List<SubscriptionCommand> commands = written.stream().map(ConsumerRecord::value).toList();
        assertThat(commands).extracting(SubscriptionCommand::getType).containsExactly(
                SubscriptionCommandType.SUBSCRIBE, SubscriptionCommandType.UNSUBSCRIBE, SubscriptionCommandType.CLEAR);
        assertThat(commands.get(0).getTargetIds()).containsExactly("carol", "bob", "dave");
        assertThat(commands.get(1).getTargetIds()).containsExactly("bob");
        assertThat(commands.get(2).getTargetIds()).isEmpty();
        assertThat(commands).extracting(SubscriptionCommand::getSubscriberId).containsOnly(me);
        assertThat(commands).extracting(SubscriptionCommand::getSource).containsOnly("ingest-it");
        assertThat(commands.get(0).getEventId()).isEqualTo(json(subscribed).path("eventId").asText());
    }

    @Test
    void R_SUB_1_atMost100ValidIdsNeverTheCaller() {
        String me = uniqueUser();
        String token = TestTokens.bearer(me);
        assertThat(http.subscribe(token, userIds(100)).statusCode()).isEqualTo(202);
        assertError(http.subscribe(token, userIds(101)), 400, 40001);
        assertError(http.subscribe(token, "{\"userIds\":[\"bob\",\"" + me + "\"]}"), 400, 40001);
        assertError(http.subscribe(token, "{\"userIds\":[\"bob\",\"not valid\"]}"), 400, 40001);
        assertError(http.subscribe(token, "{\"userIds\":[]}"), 400, 40001);
        assertError(http.subscribe(token, "{\"userIds\":\"bob\"}"), 400, 40001);
        assertError(http.subscribe(token, "{\"ids\":[\"bob\"]}"), 400, 40001);
    }

    @Test
    void R_SUB_3_unsubscribeHasTheSameLimits() {
        String me = uniqueUser();
        String token = TestTokens.bearer(me);
        assertError(http.unsubscribe(token, userIds(101)), 400, 40001);
        assertError(http.unsubscribe(token, "{\"userIds\":[\"" + me + "\"]}"), 400, 40001);
        assertError(http.unsubscribe(token, ""), 400, 40001);
    }

    @Test
    void R_SUB_1_theTwentyFirstCallInFiveSecondsIsRateLimitedWithRetryAfter() {
        String token = TestTokens.bearer(uniqueUser());
        for (int i = 0; i < 20; i++) {
            assertThat(http.subscribe(token, "{\"userIds\":[\"bob\"]}").statusCode()).isEqualTo(202);
        }
        HttpResponse<String> refused = http.subscribe(token, "{\"userIds\":[\"bob\"]}");
        assertError(refused, 429, 42901);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        // another caller is not affected
        assertThat(http.subscribe(TestTokens.bearer(uniqueUser()), "{\"userIds\":[\"bob\"]}").statusCode()).isEqualTo(202);

        now.updateAndGet(t -> t.plus(Duration.ofSeconds(5)));
        assertThat(http.subscribe(token, "{\"userIds\":[\"bob\"]}").statusCode()).isEqualTo(202);
    }

    @Test
    void R_SUB_3_unsubscribeIsRateLimitedToo() {
        String token = TestTokens.bearer(uniqueUser());
        for (int i = 0; i < 20; i++) {
            assertThat(http.unsubscribe(token, "{\"userIds\":[\"bob\"]}").statusCode()).isEqualTo(202);
        }
        assertError(http.unsubscribe(token, "{\"userIds\":[]}"), 429, 42901);
    }

    @Test
    void R_SUB_1_withTheFeatureSwitchOffBothCallsAre72001() {
        IngestHttp off = new IngestHttp(ingestWithFeatureOff.port());
        String token = TestTokens.bearer(uniqueUser());
        assertError(off.subscribe(token, "{\"userIds\":[\"bob\"]}"), 403, 72001);
        assertError(off.unsubscribe(token, "{\"userIds\":[]}"), 403, 72001);
        // the switch covers subscriptions only: SetSelfStatus still works
        assertThat(off.putStatus(token, "{\"customStatus\":\"hi\"}").statusCode()).isEqualTo(202);
    }

    @Test
    void subscriptionsNeedAValidToken() {
        assertError(http.subscribe(null, "{\"userIds\":[\"bob\"]}"), 401, 40101);
        assertError(http.unsubscribe("Bearer x.y.z", "{\"userIds\":[]}"), 401, 40101);
    }

    private static String userIds(int n) {
        return IntStream.range(0, n).mapToObj(i -> "\"user-" + i + "\"").collect(Collectors.joining(",", "{\"userIds\":[", "]}"));
    }
}
