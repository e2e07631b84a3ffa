package io.presence.streams.app;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One block cache and one write-buffer manager for every RocksDB store of the instance, so its
 * off-heap memory is bounded by configuration rather than growing with the number of stores and
 * tasks (Kafka Streams' memory-management guide). Index and filter blocks live in the cache too,
 * at high priority, instead of outside any bound.
 */
public final class RocksDbMemory implements AutoCloseable {

    /** The Streams config key under which {@link BoundedConfig} finds the shared instance. */
    static final String CONFIG_KEY = "presence.rocksdb.memory";

    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    private final Cache cache;
    private final WriteBufferManager writeBuffers;

    public RocksDbMemory(long blockCacheBytes, long writeBufferBytes) {
        if (writeBufferBytes >= blockCacheBytes) {
            throw new IllegalArgumentException("the RocksDB write buffers (" + writeBufferBytes
                    + " bytes) are charged to the block cache and must be smaller than it (" + blockCacheBytes + " bytes)");
        }
        RocksDB.loadLibrary();
        this.cache = new LRUCache(blockCacheBytes, -1, false, INDEX_AND_FILTER_SHARE);
        this.writeBuffers = new WriteBufferManager(writeBufferBytes, cache);
    }

    /** Call after Kafka Streams has closed every store. */
    @Override
    public void close() {
        writeBuffers.close();
        cache.close();
    }

    private void applyTo(Options options) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setTableFormatConfig(table);
    }

    /** The setter Kafka Streams instantiates per store (by class name); it applies the shared instance. */
    public static final class BoundedConfig implements RocksDBConfigSetter {

        @Override
        public void setConfig(String storeName, Options options, Map<String, Object> configs) {
            if (!(configs.get(CONFIG_KEY) instanceof RocksDbMemory memory)) {
                throw new ConfigException(CONFIG_KEY, configs.get(CONFIG_KEY), "the Streams config must carry the RocksDbMemory instance");
            }
            memory.applyTo(options);
        }

        @Override
        public void close(String storeName, Options options) {
            // the cache and write-buffer manager are shared by every store; RocksDbMemory closes them
        }
    }
}
