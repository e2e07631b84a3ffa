package io.presence.deploy;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the running services after start-up and tells the operator when one stops being healthy
 * (its {@code /health} says why, e.g. Kafka Streams in ERROR) or exits, and when it is healthy
 * again — once per change, not on every check. It only reports: what to do is the operator's call.
 */
final class HealthWatch implements AutoCloseable {

    private final List<ChildService> services;
    private final PrintStream out;
    private final Map<String, String> reported = new HashMap<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "presence-local-health-watch");
        thread.setDaemon(true);
        return thread;
    });

    private HealthWatch(List<ChildService> services, PrintStream out) {
        this.services = List.copyOf(services);
        this.out = out;
    }

    static HealthWatch every(Duration interval, List<ChildService> services, PrintStream out) {
        HealthWatch watch = new HealthWatch(services, out);
        watch.checks.scheduleWithFixedDelay(watch::checkAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    private void checkAll() {
        for (ChildService service : services) {
            Optional<String> problem = service.problem();
            String before = reported.get(service.name());
            String now = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
            if (problem.isPresent() && !problem.get().equals(before)) {
                out.println(now + "  " + service.name() + " is not healthy: " + problem.get());
                reported.put(service.name(), problem.get());
            } else if (problem.isEmpty() && before != null) {
                out.println(now + "  " + service.name() + " is healthy again");
                reported.remove(service.name());
            }
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
