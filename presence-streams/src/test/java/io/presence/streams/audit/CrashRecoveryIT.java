package io.presence.streams.audit;

import io.presence.streams.app.ChildStreams;
import io.presence.testkit.PresenceCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * presence-streams instances killed like a crash (SIGKILL: no shutdown hook, a transaction left open,
 * the group told nothing) under load. Two instances with a standby of each task (the default), so the
 * survivor of a kill takes over from its standbys: A is killed, started again on its state directory
 * (under exactly-once its tasks' state is wiped and restored from the changelogs), then B is killed and
 * A carries on alone. {@link FailureUnderLoad} says what must hold after it.
 */
class CrashRecoveryIT extends FailureUnderLoad {

    private final List<Process> running = new ArrayList<>();
    private PresenceCluster cluster;

    @BeforeAll
    void killEachInstanceMidStream(@TempDir Path stateDirs) throws Exception {
        cluster = PresenceCluster.onOwnBroker();
        Process a = startApp(stateDirs.resolve("a"), "a");
        Process b = startApp(stateDirs.resolve("b"), "b");
        startLoad(cluster);
        loginSilentUsers();

        kill(a);
        failingNow();
        startApp(stateDirs.resolve("a"), "a-restarted");
        kill(b);
        finishLoad(Duration.ofSeconds(3));
    }

    @AfterAll
    void stopApps() throws InterruptedException {
        for (Process process : running) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process startApp(Path stateDir, String name) {
        Process process = ChildStreams.start(cluster, applicationId, stateDir, "crash-recovery-" + name, Map.of(
                "PRESENCE_HEARTBEAT_TIMEOUT", TIMEOUT.toSeconds() + "s",
                // the killed member holds its tasks until the group gives up on it: the broker's minimum
                "PRESENCE_STREAMS_SESSION_TIMEOUT", "6s"));
        running.add(process);
        return process;
    }

    /** SIGKILL: no shutdown hook, the open transaction left to be aborted, the group told nothing. */
    private void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        running.remove(process);
    }
}
