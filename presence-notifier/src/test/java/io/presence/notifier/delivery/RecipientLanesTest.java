package io.presence.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The routing and per-recipient ordering rules, with sockets, webhook and dead letters played by fakes. */
class RecipientLanesTest {

    private final FakeSockets sockets = new FakeSockets();
    private final FakeWebhook webhook = new FakeWebhook();
    private final List<String> deadLettered = new ArrayList<>();
    private final List<String> finished = new ArrayList<>();
    private final Queue<Runnable> serialTasks = new ArrayDeque<>();
    private final Executor serial = serialTasks::add;
    private final OwnedPartitions owned = new OwnedPartitions();
    private RecipientLanes lanes;

    @BeforeEach
    void build() {
        owned.add(List.of(0));
        DeadLetters deadLetters = (record, reason, message, exception, ticket) -> {
            deadLettered.add(reason + " " + message);
            ticket.finish();
        };
        lanes = new RecipientLanes(sockets, webhook, deadLetters, new VersionLedger(100), owned, serial,
                new DeliveryMeters(new SimpleMeterRegistry(), InstantSource.system()));
    }

    @Test
    void aRecipientWithASocketGetsTheNotificationThereAndAReReadOfItIsDropped() {
        sockets.connected.add("bob");

        route(notification("bob", "alice", 1));
        route(notification("bob", "alice", 1));

        assertThat(sockets.sent).containsExactly("bob:alice:1");
        assertThat(finished).containsExactly("bob:alice:1", "bob:alice:1");
        assertThat(webhook.pushed).isEmpty();
    }

    @Test
    void R_NOT_2_whileAnOlderVersionIsRetriedTheNewerOneWaitsBehindIt() {
        route(notification("bob", "alice", 1));
        route(notification("bob", "alice", 2));

        assertThat(webhook.pushed).containsExactly("bob:alice:1");
        assertThat(lanes.waiting()).isEqualTo(2);

        webhook.answer(PushResult.DELIVERED);

        assertThat(webhook.pushed).containsExactly("bob:alice:1", "bob:alice:2");
        webhook.answer(PushResult.DELIVERED);
        assertThat(finished).containsExactly("bob:alice:1", "bob:alice:2");
        assertThat(lanes.waiting()).isZero();
    }

    @Test
    void oneRecipientsPendingPushDoesNotHoldUpAnotherRecipient() {
        route(notification("bob", "alice", 1));
        route(notification("carol", "alice", 1));

        assertThat(webhook.pushed).containsExactly("bob:alice:1", "carol:alice:1");
    }

    @Test
    void R_NOT_4_aPushThatSpentItsBudgetIsDeadLetteredAndTheNextOneGoesOut() {
        route(notification("bob", "alice", 1));
        route(notification("bob", "dave", 1));

        webhook.answer(PushResult.failed("HTTP 503 on attempt 8 of 8"));

        assertThat(deadLettered).containsExactly("PUSH_EXHAUSTED webhook did not accept notification bob:alice:1: HTTP 503 on attempt 8 of 8");
        assertThat(finished).containsExactly("bob:alice:1");
        assertThat(webhook.pushed).containsExactly("bob:alice:1", "bob:dave:1");
    }

    @Test
    void aSocketOpenedWhileNotificationsWaitTakesTheRestInOrder() {
        route(notification("bob", "alice", 1));
        route(notification("bob", "alice", 2));
        route(notification("bob", "alice", 3));
        sockets.connected.add("bob");

        webhook.answer(PushResult.DELIVERED);

        assertThat(webhook.pushed).containsExactly("bob:alice:1");
        assertThat(sockets.sent).containsExactly("bob:alice:2", "bob:alice:3");
        assertThat(finished).containsExactly("bob:alice:1", "bob:alice:2", "bob:alice:3");
    }

    @Test
    void aReReadQueuedBehindItsOwnPushIsDroppedOnceThatPushSucceeds() {
        route(notification("bob", "alice", 1));
        route(notification("bob", "alice", 1));

        webhook.answer(PushResult.DELIVERED);

        assertThat(webhook.pushed).containsExactly("bob:alice:1");
        assertThat(finished).containsExactly("bob:alice:1", "bob:alice:1");
    }

    @Test
    void withoutWebhookARecipientWithoutSocketIsFinishedAsUndeliverable() {
        webhook.enabled = false;

        route(notification("bob", "alice", 1));

        assertThat(webhook.pushed).isEmpty();
        assertThat(finished).containsExactly("bob:alice:1");
    }

    @Test
    void aFrameNoSocketCouldWriteIsPushedInsteadAndNotOfferedToThoseSocketsAgain() {
        sockets.connected.add("bob");
        sockets.failEverything = true;

        route(notification("bob", "alice", 1));
        runSerialTasks();

        assertThat(sockets.offered).isEqualTo(1);
        assertThat(webhook.pushed).containsExactly("bob:alice:1");
        webhook.answer(PushResult.DELIVERED);
        assertThat(finished).containsExactly("bob:alice:1");
    }

    @Test
    void aFrameThatFailedAfterItsPartitionMovedIsLeftUnfinishedForTheNewOwner() {
        sockets.connected.add("bob");
        sockets.failEverything = true;

        route(notification("bob", "alice", 1));
        owned.remove(List.of(0));
        runSerialTasks();

        assertThat(webhook.pushed).isEmpty();
        assertThat(finished).isEmpty();
    }

    @Test
    void abandonedLanesStopPushingAndLeaveTheirTicketsUnfinished() {
        route(notification("bob", "alice", 1));
        route(notification("bob", "alice", 2));

        lanes.abandon(List.of(0));
        webhook.answer(PushResult.failed("HTTP 503 on attempt 8 of 8"));

        assertThat(deadLettered).isEmpty();
        assertThat(finished).isEmpty();
        assertThat(webhook.pushed).containsExactly("bob:alice:1");
        assertThat(lanes.waiting()).isZero();
    }

    private void route(Notification notification) {
        lanes.route(notification, new DeliveryTicket(() -> finished.add(notification.id())));
    }

    private void runSerialTasks() {
        while (!serialTasks.isEmpty()) {
            serialTasks.poll().run();
        }
    }

    private static Notification notification(String recipient, String user, long version) {
        return new Notification(recipient + ":" + user + ":" + version, recipient, user, version, Instant.EPOCH, "{}",
                new SourceRecord("presence.notifications", 0, version, 0, null, null, null));
    }

    private final class FakeSockets implements LiveClients {
        final Set<String> connected = new HashSet<>();
        final List<String> sent = new ArrayList<>();
        boolean failEverything;
        int offered;

        @Override
        public boolean tryDeliver(Notification notification, Runnable delivered, Runnable undelivered) {
            if (!connected.contains(notification.recipientId())) {
                return false;
            }
            offered++;
            if (failEverything) {
                undelivered.run();
            } else {
                sent.add(notification.id());
                delivered.run();
            }
            return true;
        }
    }

    /** Each push waits until the test answers it; before it "attempts", it asks the gate like the real one. */
    private final class FakeWebhook implements PushChannel {
        final List<String> pushed = new ArrayList<>();
        final Queue<CompletableFuture<PushResult>> unanswered = new ArrayDeque<>();
        boolean enabled = true;

        @Override
        public boolean enabled() {
            return enabled;
        }

        @Override
        public CompletionStage<PushResult> push(Notification notification, AttemptGate gate) {
            Optional<PushResult> stop = gate.beforeAttempt();
            if (stop.isPresent()) {
                return CompletableFuture.completedFuture(stop.get());
            }
            pushed.add(notification.id());
            CompletableFuture<PushResult> answer = new CompletableFuture<>();
            unanswered.add(answer);
            return answer;
        }

        void answer(PushResult result) {
            unanswered.poll().complete(result);
            runSerialTasks();
        }
    }
}
