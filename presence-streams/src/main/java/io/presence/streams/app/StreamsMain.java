package io.presence.streams.app;

import com.typesafe.config.ConfigException;
import io.presence.config.PresenceConfigLoader;
import io.presence.http.PortInUseException;
import io.presence.schemas.registry.SchemaRegistryException;
import io.presence.schemas.topics.TopicSetupException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs presence-streams until SIGTERM / Ctrl-C, then closes it cleanly. A start-up problem the
 * operator can fix (a bad setting, port taken, Kafka or registry not reachable) ends the process
 * with one line on stderr and exit code 1, as the other services do. If Kafka Streams stops after a
 * failure while running, the process exits with code 2: a live process whose Streams is dead would
 * hold its port, answer 503 and never be restarted.
 */
public final class StreamsMain {

    /** Kafka Streams failed while running; distinct from 1, a start-up problem the operator must fix first. */
    static final int EXIT_STREAMS_FAILED = 2;

    private StreamsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StreamsService service;
        try {
            service = StreamsService.start(PresenceStreamsSettings.from(PresenceConfigLoader.load()));
        } catch (ConfigException | PortInUseException | TopicSetupException | SchemaRegistryException e) {
            System.err.println("presence-streams cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "presence-streams-stop"));
        // not on the Streams thread that reports it: exiting runs the hook, whose close waits for that thread
        service.failure().thenRunAsync(() -> {
            System.err.println("presence-streams: Kafka Streams stopped after a failure (see the log above); exiting with code "
                    + EXIT_STREAMS_FAILED + " so that a supervisor restarts this instance");
            System.exit(EXIT_STREAMS_FAILED);
        }, task -> new Thread(task, "presence-streams-failed").start());
        stopped.await();
    }
}
