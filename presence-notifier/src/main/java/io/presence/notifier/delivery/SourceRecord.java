package io.presence.notifier.delivery;

import org.apache.kafka.common.header.Headers;

/**
 * Where a notification was read from, with its original bytes: what a dead letter carries
 * (SPEC §2: the raw bytes, and headers naming the source topic, partition and offset).
 */
public record SourceRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value, Headers headers) {
}
