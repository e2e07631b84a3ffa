package io.presence.streams.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the store of every Kafka Streams store metric with one tag key, {@code state.id}. Kafka
 * Streams puts the store's type in that key ({@code rocksdb-state-id}, {@code in-memory-state-id}, …)
 * while the metric names are shared ({@code put-rate}, {@code get-latency-max}, …), and Prometheus
 * accepts one set of tag keys per name: with RocksDB and in-memory stores in one topology, whichever
 * registered a name second lost it. The tag's value, the store's name, is unique across types.
 *
 * <p>It only renames, never adds a tag: Micrometer's Kafka binder skips a metric whose tags are fewer
 * than those of a meter already registered under its name, and it counts them before this filter runs.
 */
public final class StoreMetricTags implements MeterFilter {

    private static final String STATE_ID = "state.id";
    private static final String TYPED_SUFFIX = "." + STATE_ID;

    @Override
    public Meter.Id map(Meter.Id id) {
        List<Tag> tags = id.getTags();
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).getKey().endsWith(TYPED_SUFFIX)) {
                List<Tag> renamed = new ArrayList<>(tags);
                renamed.set(i, Tag.of(STATE_ID, tags.get(i).getValue()));
                return id.replaceTags(renamed);
            }
        }
        return id;
    }
}
