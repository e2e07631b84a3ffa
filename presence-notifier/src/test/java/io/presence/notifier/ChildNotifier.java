package io.presence.notifier;

import io.presence.notifier.app.NotifierMain;
import io.presence.testkit.ServiceProcess;
import java.nio.file.Path;
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
        return new ChildNotifier(ServiceProcess.startHealthy(NotifierMain.class.getName(), env,
                Integer.parseInt(env.get("PRESENCE_NOTIFIER_PORT")), log));
    }

    /** SIGKILL: nothing is committed, nothing is closed, the group notices only when the session times out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
