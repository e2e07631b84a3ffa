package io.presence.notifier;

import io.presence.notifier.app.NotifierMain;
import io.presence.testkit.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** presence-notifier as its own JVM ({@link NotifierMain}), so a test can kill it like a crash: SIGKILL, no shutdown hook. */
final class ChildNotifier {

    private final Process process;

    private ChildNotifier(Process process) {
        this.process = process;
    }

    /** Starts it with {@code env} (which names its port) and waits until {@code /health} is 200. */
    static ChildNotifier start(Map<String, String> env, Path log) {
        // failsafe runs tests from a manifest-only jar; its real class path is in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = ChildJvm.start(List.of(), classPath, NotifierMain.class.getName(), List.of(), env, log, false);
        NotifierCluster.awaitHealthy(Integer.parseInt(env.get("PRESENCE_NOTIFIER_PORT")));
        return new ChildNotifier(process);
    }

    /** SIGKILL: nothing is committed, nothing is closed, the group notices only when the session times out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
