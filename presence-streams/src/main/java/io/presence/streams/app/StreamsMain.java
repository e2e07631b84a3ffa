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
 * with one line on stderr and exit code 1, as the other services do.
 */
public final class StreamsMain {

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
        stopped.await();
    }
}
