package io.presence.deploy;

import io.presence.testkit.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One of our services (registry, ingest, streams, notifier) run as a child JVM on the launcher's
 * own classpath, its output in {@code <data-dir>/logs/<name>.log}, ready when {@code /health}
 * answers 200. It can be started again the same way after it exited; never once it is closed.
 */
final class ChildService implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final HttpClient HEALTH_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String mainClass;
    private final Map<String, String> env;
    private final Path logFile;
    private final int port;
    private Process process;
    private LogTail log;
    private boolean closed;

    private ChildService(String name, String mainClass, Map<String, String> env, Path logFile, int port) {
        this.name = name;
        this.mainClass = mainClass;
        this.env = Map.copyOf(env);
        this.logFile = logFile;
        this.port = port;
    }

    static ChildService start(String name, String mainClass, int port, Map<String, String> env, Path logDir) {
        ChildService child = new ChildService(name, mainClass, env, logDir.resolve(name + ".log"), port);
        child.launch();
        return child;
    }

    boolean hasExited() {
        return !process().isAlive();
    }

    /** Starts the child again, as it was started first, if it has exited and is not closed; says whether it did. */
    synchronized boolean startAgainIfExited() {
        if (closed || process.isAlive()) {
            return false;
        }
        launch();
        return true;
    }

    private synchronized void launch() {
        log = LogTail.from(logFile);
        process = ChildJvm.start(List.of(), System.getProperty("java.class.path"), mainClass, List.of(), env, logFile, true);
    }

    /** Waits until {@code /health} answers 200; fails with the log's tail if the child dies or times out. */
    void awaitReady(Duration timeout) throws InterruptedException {
        Process process = process();
        LogTail log = log();
        HttpRequest health = health();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " during start-up; "
                        + "last lines of " + log.file() + ":\n" + log.last(15));
            }
            try {
                if (HEALTH_CLIENT.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // expected while the child starts
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready on port " + port + " after " + timeout.toSeconds()
                + " s; last lines of " + log.file() + ":\n" + log.last(15));
    }

    /** What is wrong with the running child, as a line for the operator; empty while it is healthy. */
    Optional<String> problem() {
        Process process = process();
        LogTail log = log();
        if (!process.isAlive()) {
            return Optional.of("exited with code " + process.exitValue() + "; last lines of " + log.file() + ":\n"
                    + log.last(5));
        }
        try {
            HttpResponse<String> answer = HEALTH_CLIENT.send(health(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? Optional.empty()
                    : Optional.of("/health answers " + answer.statusCode() + ": " + answer.body().strip() + " (log " + log.file() + ")");
        } catch (IOException e) {
            return Optional.of("does not answer /health on port " + port + " (log " + log.file() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path logFile() {
        return logFile;
    }

    private synchronized Process process() {
        return process;
    }

    private synchronized LogTail log() {
        return log;
    }

    private HttpRequest health() {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).timeout(Duration.ofSeconds(2)).build();
    }

    /** Asks the child to stop (SIGTERM, so its shutdown hooks run) and waits; kills it only if it hangs. */
    @Override
    public void close() throws InterruptedException {
        Process process;
        synchronized (this) {
            closed = true;
            process = this.process;
        }
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
