package io.presence.streams.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where "as of T" ends in each partition: before the first record whose record timestamp is after
 * T (Kafka's own offset-for-time lookup), or at the current end if there is none.
 *
 * <p>Why a log prefix and not "every event timestamped ≤ T": the fold is order-dependent, and the
 * record timestamp is the moment the log learned of the event (ingest's producer leaves it to its
 * clock), while the event's own timestamp may be much older (a late DISCONNECT). So the prefix is
 * what the live app had folded at T. One exception: the detector's and the retention sweep's
 * proposals carry their deadline as the record timestamp too, so one written just after T for a
 * deadline before T is inside the cut when nothing stamped after T precedes it in its partition —
 * status-at then shows that expiry up to the detection delay (R-SES-4: under a second) earlier than
 * the live status did.
 */
final class AsOfCut {

    private AsOfCut() {
    }

    static Map<TopicPartition, Long> endsAt(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                            Instant at) {
        Map<TopicPartition, Long> search = new HashMap<>();
        for (TopicPartition tp : partitions) {
            search.put(tp, at.toEpochMilli() + 1);
        }
        Map<TopicPartition, OffsetAndTimestamp> firstAfter = consumer.offsetsForTimes(search);
        Map<TopicPartition, Long> ends = new HashMap<>(LogScan.endsNow(consumer, partitions));
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp after = firstAfter.get(tp);
            if (after != null) {
                ends.put(tp, Math.min(after.offset(), ends.get(tp)));
            }
        }
        return ends;
    }
}
