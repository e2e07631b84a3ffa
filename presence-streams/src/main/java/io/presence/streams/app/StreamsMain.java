package io.presence.streams.app;

import io.presence.config.PresenceConfigLoader;
import java.util.concurrent.CountDownLatch;

/** Runs presence-streams until SIGTERM / Ctrl-C, then closes it cleanly. */
public final class StreamsMain {

    private StreamsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PresenceStreamsSettings settings = PresenceStreamsSettings.from(PresenceConfigLoader.load());
        StreamsService service = StreamsService.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "presence-streams-stop"));
        stopped.await();
    }
}
