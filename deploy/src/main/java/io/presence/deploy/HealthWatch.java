package io.presence.deploy;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the running services after start-up and tells the operator when one stops being healthy
 * (its {@code /health} says why) or exits, and when it is healthy again — once per change, not on
 * every check. A service that exited is started again, as a supervisor would (presence-streams exits
 * when its Kafka Streams fails for good, counting on one): at once the first time, then no sooner than
 * a pause after the previous start, which doubles from 5 s up to 5 minutes each time, so a service that
 * keeps failing is not started in a tight loop.
 */
final class HealthWatch implements AutoCloseable {

    // LocalTime.toString drops the seconds when they are zero ("19:02"), which reads as a different format
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);

    private final List<ChildService> services;
    private final PrintStream out;
    private final Map<String, String> reported = new HashMap<>();
    private final Map<String, Restarts> restarts = new HashMap<>();
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
            String now = CLOCK.format(LocalTime.now());
            if (problem.isPresent() && !problem.get().equals(before)) {
                out.println(now + "  " + service.name() + " is not healthy: " + problem.get());
                reported.put(service.name(), problem.get());
            } else if (problem.isEmpty() && before != null) {
                out.println(now + "  " + service.name() + " is healthy again");
                reported.remove(service.name());
            }
            if (problem.isPresent() && service.hasExited()) {
                restartWhenDue(service, now);
            }
        }
    }

    private void restartWhenDue(ChildService service, String now) {
        Restarts previous = restarts.get(service.name());
        Instant at = Instant.now();
        if (previous != null && at.isBefore(previous.nextAllowed())) {
            return;
        }
        if (service.startAgainIfExited()) {
            Duration pause = previous == null ? FIRST_PAUSE : min(previous.pause().multipliedBy(2), LONGEST_PAUSE);
            restarts.put(service.name(), new Restarts(pause, at.plus(pause)));
            out.println(now + "  " + service.name() + " started again (log " + service.logFile() + "); should it exit again, "
                    + "it is started again " + pause.toSeconds() + " s after this at the earliest");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The pause before the next start of a service that keeps exiting, and from when that start may happen. */
    private record Restarts(Duration pause, Instant nextAllowed) {
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
