package io.presence.notifier.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * The order in which one poll's notifications are handed on: oldest first across partitions, each
 * partition's own order kept (a recipient's notifications are in one partition, in version order,
 * R-NOT-2). Why: the fan-out commits every partition's notifications in one transaction, so a poll
 * holds a whole commit interval of them, partition after partition; handed on in that order, the
 * oldest notification of the last partition — the one that already waited longest for the commit —
 * would also wait for every other partition's to be written to their sockets.
 */
final class OldestFirst {

    private OldestFirst() {
    }

    static <K, V> List<ConsumerRecord<K, V>> order(ConsumerRecords<K, V> records) {
        List<ConsumerRecord<K, V>> ordered = new ArrayList<>(records.count());
        if (records.partitions().size() <= 1) {
            records.forEach(ordered::add);
            return ordered;
        }
        // a merge by each partition's next record, not a sort: timestamps within a partition need not rise
        PriorityQueue<Head<K, V>> heads = new PriorityQueue<>(Comparator.<Head<K, V>>comparingLong(head -> head.next.timestamp())
                .thenComparingInt(head -> head.partition.partition()));
        for (TopicPartition partition : records.partitions()) {
            Iterator<ConsumerRecord<K, V>> rest = records.records(partition).iterator();
            if (rest.hasNext()) {
                heads.add(new Head<>(partition, rest.next(), rest));
            }
        }
        while (!heads.isEmpty()) {
            Head<K, V> oldest = heads.poll();
            ordered.add(oldest.next);
            if (oldest.rest.hasNext()) {
                heads.add(new Head<>(oldest.partition, oldest.rest.next(), oldest.rest));
            }
        }
        return ordered;
    }

    private record Head<K, V>(TopicPartition partition, ConsumerRecord<K, V> next, Iterator<ConsumerRecord<K, V>> rest) {
    }
}
