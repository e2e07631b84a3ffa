package io.presence.bench.measure;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * How long a broker running in this JVM took over the requests of an exactly-once commit, as its
 * {@code kafka.network:type=RequestMetrics,name=TotalTimeMs} beans count them (from the request's
 * arrival to its response's send). Their count and all-time mean give each request type's total, so
 * two readings bracket a phase exactly. Empty when the broker runs in another process
 * ({@code --bootstrap}): its beans are not here.
 */
public record BrokerRequestTimes(Map<String, Total> byRequest) {

    /** The requests a transactional producer's records and commits go through, in the order a commit makes them. */
    public static final List<String> COMMIT_PATH = List.of("Produce", "TxnOffsetCommit", "EndTxn", "WriteTxnMarkers");

    /** {@code count} requests that took {@code millis} in all. */
    public record Total(long count, double millis) {

        Total minus(Total earlier) {
            return new Total(count - earlier.count, millis - earlier.millis);
        }
    }

    private static final String BEAN = "kafka.network:type=RequestMetrics,name=TotalTimeMs,request=";

    public static BrokerRequestTimes now() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, Total> byRequest = new HashMap<>();
        for (String request : COMMIT_PATH) {
            try {
                ObjectName name = new ObjectName(BEAN + request);
                if (server.isRegistered(name)) {
                    long count = ((Number) server.getAttribute(name, "Count")).longValue();
                    double mean = ((Number) server.getAttribute(name, "Mean")).doubleValue();
                    byRequest.put(request, new Total(count, mean * count));
                }
            } catch (JMException e) {
                // a bean that went away between the check and the read: that request type is left out
            }
        }
        return new BrokerRequestTimes(Map.copyOf(byRequest));
    }

    /** The requests between {@code earlier} and this reading. */
    public BrokerRequestTimes since(BrokerRequestTimes earlier) {
        Map<String, Total> between = new HashMap<>();
        byRequest.forEach((request, total) -> between.put(request, total.minus(earlier.byRequest.getOrDefault(request, new Total(0, 0)))));
        return new BrokerRequestTimes(Map.copyOf(between));
    }

    /** "Produce 0.83 ms (11,754), …": the mean time of each request type that came, in commit order; empty if none did. */
    public String describe() {
        return COMMIT_PATH.stream()
                .filter(request -> byRequest.containsKey(request) && byRequest.get(request).count() > 0)
                .map(request -> {
                    Total total = byRequest.get(request);
                    return String.format(Locale.ROOT, "%s %.2f ms (%,d)", request, total.millis() / total.count(), total.count());
                })
                .collect(Collectors.joining(", "));
    }
}
