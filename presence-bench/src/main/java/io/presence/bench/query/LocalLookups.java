package io.presence.bench.query;

import io.presence.bench.report.LatencySummary;
import io.presence.streams.app.StreamsService;
import io.presence.streams.query.StatusJson;
import io.presence.streams.query.routing.KeyResult;
import io.presence.streams.query.routing.Placement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The baseline of a query: the same number of keys, all owned by one instance, read from that
 * instance's own store copies the way the query API reads its local keys ({@code StoreAccess#read}:
 * the store's {@code get} per key, each value turned into its answer) — no HTTP, no JSON, no
 * routing, no other instance. Timed in nanoseconds: one key takes microseconds.
 */
final class LocalLookups {

    private final StreamsService instance;
    private final Map<Integer, List<String>> keysByPartition = new HashMap<>();
    private final int keys;

    /** @param ownedKeys keys whose partition {@code instance} owns actively */
    LocalLookups(StreamsService instance, List<String> ownedKeys) {
        this.instance = instance;
        this.keys = ownedKeys.size();
        for (String key : ownedKeys) {
            if (!(instance.storeAccess().locate(StatusJson.USER_STATUS.name(), key) instanceof Placement.Located located)) {
                throw new IllegalStateException("no placement for " + key + "; is the instance running?");
            }
            keysByPartition.computeIfAbsent(located.partition(), p -> new ArrayList<>()).add(key);
        }
    }

    /** Reads all the keys {@code rounds} times, one after the other; the time of each read of them all. */
    LatencySummary time(int rounds) {
        Histogram nanos = LatencySummary.newNanosHistogram();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            Map<String, KeyResult<StatusJson>> read = instance.storeAccess().read(StatusJson.USER_STATUS, keysByPartition, false);
            nanos.recordValue(System.nanoTime() - start);
            if (read.size() != keys || !read.values().stream().allMatch(KeyResult.Found.class::isInstance)) {
                throw new IllegalStateException("a local read found " + read.values().stream().filter(KeyResult.Found.class::isInstance).count()
                        + " of " + keys + " keys");
            }
        }
        return LatencySummary.ofNanos(nanos);
    }
}
