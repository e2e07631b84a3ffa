package io.presence.notifier.websocket;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How many client sockets fit in the process's open-file limit ({@code ulimit -n}) with room kept for
 * everything else the notifier holds open: its Kafka connections, jars, logs. Past the limit the next
 * file the process opens fails — a Kafka reconnect, say — and every recipient of the instance loses its
 * notifications, not only the client that opened one socket too many.
 */
final class OpenFileBudget {

    static final long RESERVED = 1024;

    private OpenFileBudget() {
    }

    /** The sockets the limit leaves room for; without a known limit, no bound. */
    static int sockets() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix && unix.getMaxFileDescriptorCount() > 0) {
            long limit = unix.getMaxFileDescriptorCount();
            return (int) Math.min(Integer.MAX_VALUE, limit - Math.min(RESERVED, limit / 2));
        }
        return Integer.MAX_VALUE;
    }
}
