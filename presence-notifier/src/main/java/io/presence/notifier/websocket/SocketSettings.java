package io.presence.notifier.websocket;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * The {@code presence.notifier.socket.*} keys.
 *
 * @param sendQueue          frames one socket may have waiting to be written; past that it is dropped
 * @param sendTimeout        a socket whose writes make no progress this long is dropped
 * @param pingInterval       keep-alive pings; Jetty closes a socket on which nothing moved for 3 intervals
 * @param maxClientMessage   larger frames from a client close its socket (1009); clients only listen
 */
public record SocketSettings(int sendQueue, Duration sendTimeout, Duration pingInterval, long maxClientMessage) {

    public SocketSettings {
        if (sendQueue < 1) {
            throw new ConfigException.BadValue("presence.notifier.socket.send-queue", "must be at least 1, was " + sendQueue);
        }
        if (sendTimeout.isNegative() || sendTimeout.isZero() || pingInterval.isNegative() || pingInterval.isZero()) {
            throw new ConfigException.BadValue("presence.notifier.socket", "send-timeout and ping-interval must be positive");
        }
    }

    public static SocketSettings from(Config config) {
        Config socket = config.getConfig("presence.notifier.socket");
        return new SocketSettings(
                socket.getInt("send-queue"),
                socket.getDuration("send-timeout"),
                socket.getDuration("ping-interval"),
                socket.getBytes("max-client-message"));
    }

    /** Jetty's idle timeout: our pings keep a healthy socket busy, so idle means stuck both ways. */
    Duration idleTimeout() {
        return pingInterval.multipliedBy(3);
    }
}
