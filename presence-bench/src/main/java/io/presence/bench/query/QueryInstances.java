package io.presence.bench.query;

import io.presence.bench.BenchRun;
import io.presence.bench.measure.DirectorySize;
import io.presence.bench.report.BenchReport;
import io.presence.config.PresenceConfigLoader;
import io.presence.streams.app.PresenceStreamsSettings;
import io.presence.streams.app.StreamsService;
import io.presence.streams.query.StatusJson;
import io.presence.streams.query.routing.KeyResult;
import io.presence.streams.query.routing.Placement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Two presence-streams instances of one application in this JVM, as the service runs them (its own
 * config loader, one stream thread each, a standby copy of every store, exactly-once v2), each
 * answering queries over HTTP on its own port and asking the other for the keys it does not own.
 * The heartbeat timeout is a day, so no user of the run expires while it is measured.
 */
final class QueryInstances implements AutoCloseable {

    /** How many of the latest users of each instance must be in the other's standby copies. */
    private static final int PROBE_USERS = 64;
    private static final Duration POLL = Duration.ofMillis(500);

    private final StreamsService a;
    private final StreamsService b;
    private final QueryUsers users;
    private final List<Path> stateDirs;

    private QueryInstances(StreamsService a, StreamsService b, QueryUsers users, List<Path> stateDirs) {
        this.a = a;
        this.b = b;
        this.users = users;
        this.stateDirs = stateDirs;
    }

    static QueryInstances start(BenchRun run, String applicationId, String authSecret, QueryUsers users) {
        List<Path> stateDirs = List.of(run.workDir().resolve(applicationId + "-a"), run.workDir().resolve(applicationId + "-b"));
        StreamsService a = StreamsService.start(settings(run, applicationId, authSecret, stateDirs.get(0)));
        try {
            StreamsService b = StreamsService.start(settings(run, applicationId, authSecret, stateDirs.get(1)));
            return new QueryInstances(a, b, users, stateDirs);
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    StreamsService a() {
        return a;
    }

    /** The instance the k-th query goes to: each in turn. */
    StreamsService forQuery(int k) {
        return k % 2 == 0 ? a : b;
    }

    /** Why the application cannot finish folding, if it cannot. */
    Optional<String> failure() {
        for (StreamsService instance : List.of(a, b)) {
            KafkaStreams.State state = instance.state();
            if (!state.isRunningOrRebalancing() && state != KafkaStreams.State.CREATED) {
                return Optional.of("an instance is " + state);
            }
        }
        return Optional.empty();
    }

    /**
     * Waits until both instances run and own partitions, and each one's standby copies hold the
     * other's latest users: standbys replay the changelogs after the fold, and measuring meanwhile
     * would measure that work too.
     */
    void awaitSettled(Duration timeout, BenchReport report) {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitUntil("both instances run and own partitions", () -> a.state() == KafkaStreams.State.RUNNING
                && b.state() == KafkaStreams.State.RUNNING && ownedBy(a, 1).size() == 1 && ownedBy(b, 1).size() == 1, deadline);
        report.say("both instances run and own partitions");
        awaitUntil("each instance's standby copies hold the other's latest users",
                () -> standbyHasLatest(a, b) && standbyHasLatest(b, a), deadline);
        report.say("each instance's standby copies hold the other's latest users");
    }

    /** The first {@code count} users whose partition {@code instance} owns actively (fewer if there are not so many). */
    List<String> ownedBy(StreamsService instance, int count) {
        List<String> owned = new ArrayList<>();
        for (int i = 0; i < users.count() && owned.size() < count; i++) {
            if (isActiveOwner(instance, users.id(i))) {
                owned.add(users.id(i));
            }
        }
        return owned;
    }

    /** Whether {@code standby} holds, in its standby copies, the last users {@code owner} folded. */
    private boolean standbyHasLatest(StreamsService standby, StreamsService owner) {
        Map<Integer, List<String>> latest = new HashMap<>();
        int found = 0;
        for (int i = users.count() - 1; i >= 0 && found < PROBE_USERS; i--) {
            String id = users.id(i);
            if (owner.storeAccess().locate(StatusJson.USER_STATUS.name(), id) instanceof Placement.Located located
                    && located.active().equals(owner.storeAccess().self())) {
                latest.computeIfAbsent(located.partition(), p -> new ArrayList<>()).add(id);
                found++;
            }
        }
        return standby.storeAccess().read(StatusJson.USER_STATUS, latest, true).values().stream()
                .allMatch(KeyResult.Found.class::isInstance);
    }

    private static boolean isActiveOwner(StreamsService instance, String id) {
        return instance.storeAccess().locate(StatusJson.USER_STATUS.name(), id) instanceof Placement.Located located
                && located.active().equals(instance.storeAccess().self());
    }

    private static void awaitUntil(String what, BooleanSupplier condition, long deadlineNanos) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException("gave up waiting until " + what);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting until " + what, e);
            }
        }
    }

    private static PresenceStreamsSettings settings(BenchRun run, String applicationId, String authSecret, Path stateDir) {
        return PresenceStreamsSettings.from(PresenceConfigLoader.load(Map.of(
                "PRESENCE_KAFKA_BOOTSTRAP", run.cluster().bootstrap(),
                "PRESENCE_SCHEMA_REGISTRY_URL", run.cluster().registryUrl(),
                "PRESENCE_AUTH_SECRET", authSecret,
                "PRESENCE_FEATURES_QUERY_AND_SUBSCRIBE", "true",
                "PRESENCE_HEARTBEAT_TIMEOUT", "1d",
                "PRESENCE_STREAMS_APPLICATION_ID", applicationId,
                "PRESENCE_STREAMS_PORT", "0",
                "PRESENCE_STREAMS_ADVERTISED_HOST", "127.0.0.1",
                "PRESENCE_STREAMS_STATE_DIR", stateDir.toString(),
                "PRESENCE_STREAMS_NUM_STANDBY_REPLICAS", "1")));
    }

    /** Closes both instances and deletes their state. */
    @Override
    public void close() {
        try {
            b.close();
        } finally {
            a.close();
        }
        stateDirs.forEach(DirectorySize::delete);
    }
}
