package io.presence.notifier;

import static io.presence.ingest.GatewayBodies.events;
import static io.presence.ingest.GatewayBodies.item;
import static io.presence.notifier.TestNotifications.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.presence.ingest.IngestCluster;
import io.presence.streams.app.CommittedLag;
import io.presence.testkit.PresenceCluster;
import io.presence.testkit.PresenceClusterExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the embedded broker — ingest, streams and the notifier in-process — driven
 * only from outside: gateway events and client calls over HTTP, friendships as the friend service
 * writes them. Judged by what reaches WebSockets and the signed push webhook.
 *
 * <p>Every test lives one day of a fresh target user: LOGIN, a HEARTBEAT (changes nothing), a custom
 * status, then the connection lost (DISCONNECT) — three notified changes, versions 1 to 3.
 */
@ExtendWith(PresenceClusterExtension.class)
class PipelineIT {

    private static final String APPLICATION_ID = unique("presence-streams-pipeline-it");
    private static final String CUSTOM_STATUS = "In a meeting";
    private static final int CHANGES_IN_A_DAY = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);
    // long enough for a stray notification (a heartbeat that notified, a repeat) to show up behind the last one
    private static final Duration QUIET = Duration.ofMillis(500);

    private static WholePipeline pipeline;
    private static FriendService friends;

    @BeforeAll
    static void start(PresenceCluster presence, @TempDir Path stateDir) {
        pipeline = WholePipeline.start(presence, APPLICATION_ID, stateDir);
        friends = new FriendService(presence);
    }

    @AfterAll
    static void stop() {
        friends.close();
        pipeline.close();
    }

    @Test
    void R_NOT_2_aSubscribersSocketReceivesTheTargetsChangesInVersionOrderAsSpecJson() {
        String target = unique("target");
        String subscriber = unique("subscriber");
        try (TestSocket socket = TestSocket.open(pipeline.notifier().port(), subscriber).awaitReady()) {
            subscribe(subscriber, target);

            long disconnectedAt = liveADay(target);

            assertTheDay(awaitDay(() -> about(socket.notifications(), target)), subscriber, target, "SUBSCRIBER", disconnectedAt);
            assertNothingMore(() -> about(socket.notifications(), target));
        }
    }

    @Test
    void R_NOT_1_bothSocketsOfTheTargetItselfReceiveItsOwnChanges() {
        String target = unique("target");
        try (TestSocket phone = TestSocket.open(pipeline.notifier().port(), target).awaitReady();
             TestSocket browser = TestSocket.openWithQueryToken(pipeline.notifier().port(), target).awaitReady()) {
            long disconnectedAt = liveADay(target);

            List<JsonNode> onPhone = awaitDay(() -> about(phone.notifications(), target));
            List<JsonNode> inBrowser = awaitDay(() -> about(browser.notifications(), target));
            assertTheDay(onPhone, target, target, "SELF", disconnectedAt);
            assertThat(inBrowser).as("multi-device sync: the same notifications on every socket").isEqualTo(onPhone);
            assertNothingMore(() -> about(phone.notifications(), target));
            assertNothingMore(() -> about(browser.notifications(), target));
        }
    }

    @Test
    void R_NOT_1_aFriendWhoAlsoSubscribesIsToldOncePerChangeAsAFriend() {
        String target = unique("target");
        String friend = unique("friend");
        try (TestSocket socket = TestSocket.open(pipeline.notifier().port(), friend).awaitReady()) {
            befriend(target, friend);
            subscribe(friend, target);

            long disconnectedAt = liveADay(target);

            assertTheDay(awaitDay(() -> about(socket.notifications(), target)), friend, target, "FRIEND", disconnectedAt);
            assertNothingMore(() -> about(socket.notifications(), target));
        }
    }

    @Test
    void R_NOT_4_aFriendAndASubscriberWithoutSocketsArePushedToTheWebhookSignedAndInOrder() {
        String target = unique("target");
        String friend = unique("friend");
        String subscriber = unique("subscriber");
        befriend(target, friend);
        subscribe(subscriber, target);

        long disconnectedAt = liveADay(target);

        List<JsonNode> toFriend = awaitDay(() -> pushedAbout(friend, target));
        List<JsonNode> toSubscriber = awaitDay(() -> pushedAbout(subscriber, target));
        assertTheDay(toFriend, friend, target, "FRIEND", disconnectedAt);
        assertTheDay(toSubscriber, subscriber, target, "SUBSCRIBER", disconnectedAt);
        assertThat(pipeline.receiver().requests()).filteredOn(r -> List.of(friend, subscriber).contains(r.recipientId()))
                .as("every push carries a signature the receiver verified").allMatch(WebhookReceiver.Request::signatureValid);
        assertNothingMore(() -> pushedAbout(friend, target));
        assertNothingMore(() -> pushedAbout(subscriber, target));
    }

    /**
     * The target's day as its gateway and its app drive it; answers the moment the connection was
     * lost, which becomes its {@code lastSeenAt}.
     */
    private static long liveADay(String target) {
        gateway(item("LOGIN", target, "phone", "c1", "IOS", null));
        gateway(item("HEARTBEAT", target, "phone", "c1", null, null));
        HttpResponse<String> status = pipeline.http().putStatus("Bearer " + TestTokens.validFor(target),
                "{\"customStatus\":\"" + CUSTOM_STATUS + "\"}");
        assertThat(status.statusCode()).as(status.body()).isEqualTo(202);
        long disconnectedAt = System.currentTimeMillis();
        gateway(item("DISCONNECT", target, "phone", "c1", null, disconnectedAt));
        return disconnectedAt;
    }

    private static void gateway(String event) {
        HttpResponse<String> answer = pipeline.http().postEvents(IngestCluster.GATEWAY_KEY, events(event));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).as("the event was accepted").contains("\"rejected\":[]");
    }

    /** Subscribes over HTTP and waits until streams has indexed the subscription on the target's task. */
    private static void subscribe(String subscriber, String target) {
        HttpResponse<String> answer = pipeline.http().subscribe("Bearer " + TestTokens.validFor(subscriber), "{\"userIds\":[\"" + target + "\"]}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        CommittedLag.awaitNone(pipeline.cluster(), APPLICATION_ID, WAIT, pipeline.cluster().topics().subscriptions().name(),
                CommittedLag.subscriptionEdgesTopic(APPLICATION_ID));
    }

    /** Makes them friends and waits until streams has indexed the friendship. */
    private static void befriend(String target, String friend) {
        friends.befriend(target, friend);
        CommittedLag.awaitNone(pipeline.cluster(), APPLICATION_ID, WAIT, friends.topicName());
    }

    private static List<JsonNode> awaitDay(Supplier<List<JsonNode>> told) {
        await().atMost(WAIT).until(() -> told.get().size() >= CHANGES_IN_A_DAY);
        return told.get();
    }

    private static void assertNothingMore(Supplier<List<JsonNode>> told) {
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> told.get().size() == CHANGES_IN_A_DAY);
    }

    /**
     * The day as a recipient must see it (SPEC §9): versions 1..3 in order, the status of the target
     * without devices plus the notification id and recipient, the custom status cleared on leaving
     * ONLINE (R-CUS-2) and the moment of the disconnect as {@code lastSeenAt}.
     */
    private static void assertTheDay(List<JsonNode> told, String recipient, String target, String reason, long disconnectedAt) {
        assertThat(told).extracting(n -> n.path("version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(told).extracting(n -> n.path("status").asText()).containsExactly("ONLINE", "ONLINE", "OFFLINE");
        assertThat(told).extracting(n -> n.path("customStatus").asText()).containsExactly("", CUSTOM_STATUS, "");
        assertThat(told).extracting(n -> n.get("lastSeenAt").isNull() ? null : n.get("lastSeenAt").asLong())
                .containsExactly(null, null, disconnectedAt);
        assertThat(told).allSatisfy(n -> {
            assertThat(fieldNames(n)).containsExactlyInAnyOrder("id", "recipientId", "userId", "status", "customStatus",
                    "version", "lastChangedAt", "lastSeenAt", "reason");
            assertThat(n.path("recipientId").asText()).isEqualTo(recipient);
            assertThat(n.path("userId").asText()).isEqualTo(target);
            assertThat(n.path("reason").asText()).isEqualTo(reason);
            assertThat(n.path("id").asText()).isNotBlank();
        });
        assertThat(told).extracting(n -> n.path("id").asText()).doesNotHaveDuplicates();
        assertThat(told).extracting(n -> n.path("lastChangedAt").asLong()).isSorted();
    }

    private static List<JsonNode> about(List<JsonNode> notifications, String target) {
        return notifications.stream().filter(n -> target.equals(n.path("userId").asText())).toList();
    }

    private static List<JsonNode> pushedAbout(String recipient, String target) {
        return about(pipeline.receiver().acceptedFor(recipient).stream().map(WebhookReceiver.Request::body).toList(), target);
    }

    private static List<String> fieldNames(JsonNode notification) {
        List<String> names = new ArrayList<>();
        notification.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
