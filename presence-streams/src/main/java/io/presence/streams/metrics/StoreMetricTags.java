package io.presence.streams.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * One tag key for the store a Kafka Streams store metric is about. Kafka Streams names that key after
 * the store's type ({@code rocksdb-state-id}, {@code in-memory-state-id}, …) while the metric names
 * are shared ({@code put-rate}, {@code get-latency-max}, …), and Prometheus accepts one set of tag
 * keys per name: with RocksDB and in-memory stores in one topology, whichever registered a name
 * second lost it. This filter calls every such key {@code state.id}; its value, the store's name, is
 * unique across types.
 *
 * <p>It only renames, never adds a tag: Micrometer's Kafka binder skips a metric whose tags are fewer than
 * those of a meter already registered under its name, and it counts the tags before this filter runs.
 */
public final class StoreMetricTags implements MeterFilter {

    static final String STATE_ID = "state.id";
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
