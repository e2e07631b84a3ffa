package io.presence.streams.audit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads partitions from their start up to a fixed end offset each, in log order per partition,
 * handing every record to one handler. The ends are fixed before the scan, so a log that keeps
 * growing (a live app still writing) does not make the audit chase its tail.
 */
final class LogScan {

    private static final Duration POLL = Duration.ofMillis(500);
    /** A consumer retries a lost broker silently forever; an audit says so and stops instead. */
    private static final Duration STALL = Duration.ofSeconds(60);

    private LogScan() {
    }

    /** The current end of each partition, as a read_committed consumer sees it (the last stable offset). */
    static Map<TopicPartition, Long> endsNow(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        return consumer.endOffsets(partitions);
    }

    static void scan(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends, ReplayProgress progress,
                     Consumer<ConsumerRecord<String, byte[]>> handler) {
        Map<TopicPartition, Long> remaining = new HashMap<>(ends);
        consumer.assign(remaining.keySet());
        consumer.seekToBeginning(remaining.keySet());
        remaining.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
        consumer.pause(ends.keySet().stream().filter(tp -> !remaining.containsKey(tp)).toList());
        long lastMove = System.nanoTime();
        while (!remaining.isEmpty()) {
            long handled = 0;
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                Long end = remaining.get(tp);
                if (end != null && record.offset() < end) {
                    handler.accept(record);
                    handled++;
                }
            }
            // once per batch: the counter is shared by every partition's reader
            progress.advance(handled);
            boolean finishedOne = finishReached(consumer, remaining);
            if (handled > 0 || finishedOne) {
                lastMove = System.nanoTime();
            } else if (System.nanoTime() - lastMove > STALL.toNanos()) {
                throw new AuditException("no progress reading " + remaining.keySet() + " for " + STALL.toSeconds()
                        + " s (broker lost?)", ExitCodes.UNAVAILABLE);
            }
        }
    }

    /** Drops the partitions that reached their end; whether any did. */
    private static boolean finishReached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> remaining) {
        boolean any = false;
        // position, not the last record's offset: transaction markers and aborted data take offsets too
        for (TopicPartition tp : List.copyOf(remaining.keySet())) {
            if (consumer.position(tp) >= remaining.get(tp)) {
                remaining.remove(tp);
                consumer.pause(List.of(tp));
                any = true;
            }
        }
        return any;
    }
}
