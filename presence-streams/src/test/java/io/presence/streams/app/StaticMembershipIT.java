package io.presence.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.presence.testkit.PresenceCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code presence.streams.instance-id} (static group membership), an instance killed (SIGKILL) and
 * started again under the same name is serving again well within the session timeout (the default
 * 45 s), which a new dynamic member would first have to wait out for the dead one's tasks (measured:
 * 46 s). And a clean stop still leaves the group at once, so its tasks move to the others then.
 */
class StaticMembershipIT {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(45);

    @Test
    void anInstanceRestartedAfterACrashUnderItsNameIsBackBeforeTheSessionTimeout(@TempDir Path stateDir) throws Exception {
        try (PresenceCluster cluster = PresenceCluster.onOwnBroker()) {
            Map<String, String> env = Map.of("PRESENCE_STREAMS_INSTANCE_ID", "streams-0",
                    "PRESENCE_STREAMS_SESSION_TIMEOUT", SESSION_TIMEOUT.toSeconds() + "s");
            Process first = ChildStreams.start(cluster, "presence-streams-static-it", stateDir, "static-first", env);
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);

            long restarted = System.nanoTime();
            Process second = ChildStreams.start(cluster, "presence-streams-static-it", stateDir, "static-second", env);
            Duration backAfter = Duration.ofNanos(System.nanoTime() - restarted);
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);

            assertThat(backAfter).as("healthy again after").isLessThan(SESSION_TIMEOUT.dividedBy(2));
        }
    }

    @Test
    void aStaticMemberStoppedCleanlyLeavesTheGroupAtOnce(@TempDir Path stateDirs) throws Exception {
        try (PresenceCluster cluster = PresenceCluster.onOwnBroker();
             Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            String applicationId = "presence-streams-static-leave-it";
            Process a = ChildStreams.start(cluster, applicationId, stateDirs.resolve("a"), "static-a", Map.of(
                    "PRESENCE_STREAMS_INSTANCE_ID", "streams-a", "PRESENCE_STREAMS_SESSION_TIMEOUT", SESSION_TIMEOUT.toSeconds() + "s"));
            Process b = ChildStreams.start(cluster, applicationId, stateDirs.resolve("b"), "static-b", Map.of(
                    "PRESENCE_STREAMS_INSTANCE_ID", "streams-b", "PRESENCE_STREAMS_SESSION_TIMEOUT", SESSION_TIMEOUT.toSeconds() + "s"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> instanceIds(admin, applicationId).size() == 2);

                a.destroy(); // SIGTERM: the clean stop
                a.waitFor(30, TimeUnit.SECONDS);
                long stopped = System.nanoTime();
                await().atMost(SESSION_TIMEOUT.dividedBy(2)).until(() -> instanceIds(admin, applicationId).size() == 1);

                assertThat(instanceIds(admin, applicationId)).allMatch(id -> id.startsWith("streams-b"));
                assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(SESSION_TIMEOUT.dividedBy(2));
            } finally {
                a.destroyForcibly();
                b.destroy();
                b.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The static names of the group's members, as the coordinator lists them (Kafka Streams adds each thread's number). */
    private static List<String> instanceIds(Admin admin, String groupId) throws Exception {
        return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId).members().stream()
                .map(member -> member.groupInstanceId().orElse("(dynamic)")).toList();
    }
}
