package io.presence.bench.e2e;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;

/**
 * Each WebSocket is an open file on each side. The bench's JVM holds the notifier's end of every
 * socket and the socket fleet (a child JVM) the client's, besides what the broker, RocksDB, the Kafka
 * clients and the jars hold — so each needs about one file descriptor per socket plus a margin.
 */
final class FdBudget {

    /** What a process needs besides the sockets: broker log segments, RocksDB files, Kafka connections, jars. */
    static final int MARGIN = 3_000;

    private FdBudget() {
    }

    /** Fails with a clear message when this process may not open enough files for {@code sockets}. */
    static void require(int sockets, String holder) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            shortfall(sockets, unix.getMaxFileDescriptorCount(), holder).ifPresent(message -> {
                throw new IllegalStateException(message);
            });
        }
    }

    static Optional<String> shortfall(int sockets, long maxOpenFiles, String holder) {
        long needed = (long) sockets + MARGIN;
        if (maxOpenFiles >= needed) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "%s holds one open file per WebSocket: %,d sockets need about %,d open files, but this process may open %,d "
                        + "(ulimit -n). Raise the limit (ulimit -n %d, up to the hard limit ulimit -Hn) or pass --sockets %d.",
                holder, sockets, needed, maxOpenFiles, needed, Math.max(0, maxOpenFiles - MARGIN)));
    }
}
