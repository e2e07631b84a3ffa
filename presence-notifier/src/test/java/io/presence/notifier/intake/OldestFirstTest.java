package io.presence.notifier.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class OldestFirstTest {

    private static final String TOPIC = "presence.notifications";

    @Test
    void oldestNotificationOfAnyPartitionGoesFirst() {
        ConsumerRecords<String, String> poll = poll(Map.of(
                0, List.of(record(0, 0, 50), record(0, 1, 60)),
                5, List.of(record(5, 0, 10), record(5, 1, 70))));

        assertThat(OldestFirst.order(poll)).extracting(ConsumerRecord::timestamp).containsExactly(10L, 50L, 60L, 70L);
    }

    @Test
    void R_NOT_2_aPartitionsOrderIsKeptWhereItsTimestampsFall() {
        // a user's later version may carry an earlier timestamp (another device's event): offset order must win
        ConsumerRecords<String, String> poll = poll(Map.of(
                0, List.of(record(0, 0, 5), record(0, 1, 3), record(0, 2, 9)),
                1, List.of(record(1, 0, 1), record(1, 1, 4))));

        assertThat(OldestFirst.order(poll)).extracting(ConsumerRecord::value)
                .containsExactly("1@0", "1@1", "0@0", "0@1", "0@2");
    }

    @Test
    void R_NOT_2_everyRecordOnceAndEveryPartitionInOffsetOrder_randomPolls() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            Map<Integer, List<ConsumerRecord<String, String>>> partitions = new LinkedHashMap<>();
            int count = 0;
            for (int partition = 0; partition < 1 + random.nextInt(6); partition++) {
                List<ConsumerRecord<String, String>> records = new ArrayList<>();
                for (int offset = 0; offset < random.nextInt(20); offset++) {
                    records.add(record(partition, offset, random.nextInt(100)));
                    count++;
                }
                partitions.put(partition, records);
            }

            List<ConsumerRecord<String, String>> ordered = OldestFirst.order(poll(partitions));

            assertThat(ordered).hasSize(count);
            partitions.forEach((partition, records) ->
                    assertThat(ordered.stream().filter(record -> record.partition() == partition).toList()).isEqualTo(records));
        }
    }

    private static ConsumerRecords<String, String> poll(Map<Integer, List<ConsumerRecord<String, String>>> byPartition) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> records = new LinkedHashMap<>();
        byPartition.forEach((partition, list) -> records.put(new TopicPartition(TOPIC, partition), list));
        return new ConsumerRecords<>(records, Map.of());
    }

    private static ConsumerRecord<String, String> record(int partition, long offset, long timestamp) {
        return new ConsumerRecord<>(TOPIC, partition, offset, timestamp, TimestampType.CREATE_TIME, 0, 0,
                "recipient", partition + "@" + offset, new RecordHeaders(), Optional.empty());
    }
}
