package io.presence.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One of our services started from a test as a child JVM — so the test can kill it like a crash, or see
 * its exit code — on the test's class path, and returned once its {@code /health} answers 200.
 */
public final class ServiceProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess() {
    }

    /** Starts {@code mainClass} with {@code env} (which must make it listen on {@code port}), its output in {@code log}. */
    public static Process startHealthy(String mainClass, Map<String, String> env, int port, Path log) {
        // failsafe runs tests from a manifest-only jar; its real class path is in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = ChildJvm.start(List.of("-Xmx512m"), classPath, mainClass, List.of(), env, log, false);
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(mainClass + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                if (isHealthy(health)) {
                    return process;
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while " + mainClass + " started", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(mainClass + " not healthy on port " + port + " after " + READY_TIMEOUT + "; see " + log);
    }

    private static boolean isHealthy(HttpRequest health) throws InterruptedException {
        try {
            return HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYetListening) {
            return false;
        }
    }
}
