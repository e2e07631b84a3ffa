package io.presence.notifier.websocket;

import com.typesafe.config.Config;
import io.presence.config.CheckedConfig;
import java.time.Duration;

/**
 * The {@code presence.notifier.socket.*} keys.
 *
 * @param sendQueue          frames one socket may have waiting to be written; past that it is dropped
 * @param sendTimeout        a socket whose writes make no progress this long is dropped
 * @param pingInterval       keep-alive pings; Jetty closes a socket on which nothing moved for 3 intervals
 * @param maxClientMessage   larger frames from a client close its socket (1009); clients only listen
 * @param maxPerUser         sockets one user may hold here; a newer one past it closes the oldest
 * @param maxOpen            sockets this instance holds at most; past it upgrades are refused
 */
public record SocketSettings(int sendQueue, Duration sendTimeout, Duration pingInterval, long maxClientMessage, int maxPerUser,
                             int maxOpen) {

    public static SocketSettings from(Config config) {
        CheckedConfig socket = CheckedConfig.of(config).at("presence.notifier.socket");
        return new SocketSettings(
                socket.atLeast("send-queue", 1),
                socket.positiveDuration("send-timeout"),
                socket.positiveDuration("ping-interval"),
                socket.bytes("max-client-message", 1),
                socket.atLeast("max-per-user", 1),
                maxOpenOf(socket.atLeast("max-open", 0)));
    }

    private static int maxOpenOf(int configured) {
        return configured == 0 ? OpenFileBudget.sockets() : configured;
    }

    /** Jetty's idle timeout: our pings keep a healthy socket busy, so idle means stuck both ways. */
    Duration idleTimeout() {
        return pingInterval.multipliedBy(3);
    }
}
