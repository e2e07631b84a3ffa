package io.presence.bench.fold;

import io.presence.bench.report.Throughput;

/**
 * What one contender did with the pre-loaded log.
 *
 * @param heapRetainedBytes live heap at caught-up minus live heap before it started (both after a full GC)
 * @param stateBytes        its state directory after a clean close (RocksDB files, checkpoints); 0 for a stateless one
 * @param sstBytes          of which RocksDB table files, i.e. the data without RocksDB's logs and options files
 */
public record ContenderResult(String name, Throughput throughput, long heapRetainedBytes, long stateBytes, long sstBytes) {
}
