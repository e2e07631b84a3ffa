package io.presence.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.EventType;
import io.presence.avro.PresenceEvent;
import io.presence.avro.StatusChange;
import io.presence.bench.workload.EventMix;
import io.presence.bench.workload.SessionWorkload;
import io.presence.schemas.registry.InMemorySchemaRegistry;
import io.presence.schemas.topics.TopicLayout;
import io.presence.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class ReplayLogTest {

    private static final long START = 1_700_000_000_000L;

    private final Topics topics = new Topics(new TopicLayout(6, 6, 1, (short) 1), new InMemorySchemaRegistry());
    private final ReplayTopics into = ReplayTopics.of("presence-bench-t-replay");
    private final ReplayLog log = new ReplayLog(topics, into);
    private final List<PresenceEvent> events = new ArrayList<>();
    private final List<ProducerRecord<byte[], byte[]>> written = new ArrayList<>();

    ReplayLogTest() {
        SessionWorkload workload = new SessionWorkload(SessionWorkload.Size.of(200, 20), EventMix.REALISTIC, 3, START, START + 600_000);
        workload.generate(generated -> {
            PresenceEvent event = generated.toPresenceEvent("e" + events.size(), "test");
            events.add(event);
            written.addAll(log.of(event));
        });
    }

    @Test
    void everyEventIsWrittenOnceInOrderIntoTheRunsEventsTopic() {
        List<PresenceEvent> logged = written.stream().filter(r -> r.topic().equals(into.events()))
                .map(r -> topics.events().valueSerde().deserializer().deserialize(TopicLayout.EVENTS, r.value())).toList();

        assertThat(logged).isEqualTo(events);
    }

    @Test
    void eachChangeFollowsItsCauseWithTheSameKeyAndVersionsCountUpPerUser() {
        Map<String, Long> lastVersion = new HashMap<>();
        PresenceEvent previousEvent = null;
        byte[] previousKey = null;
        for (ProducerRecord<byte[], byte[]> record : written) {
            if (record.topic().equals(into.events())) {
                previousEvent = topics.events().valueSerde().deserializer().deserialize(TopicLayout.EVENTS, record.value());
                previousKey = record.key();
                continue;
            }
            assertThat(record.topic()).isEqualTo(into.statusChanges());
            StatusChange change = topics.statusChanges().valueSerde().deserializer().deserialize(TopicLayout.STATUS_CHANGES, record.value());
            assertThat(change.getCauseEventId()).isEqualTo(previousEvent.getEventId());
            assertThat(record.key()).isEqualTo(previousKey).isEqualTo(change.getUserId().getBytes(StandardCharsets.UTF_8));
            assertThat(change.getCurrent().getVersion()).isEqualTo(lastVersion.getOrDefault(change.getUserId(), 0L) + 1);
            lastVersion.put(change.getUserId(), change.getCurrent().getVersion());
        }
        assertThat(log.changes()).isEqualTo(written.size() - events.size()).isPositive();
    }

    @Test
    void aFirstLoginIsAChangeAndAHeartbeatThatChangesNothingIsNot() {
        List<EventType> causes = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> record : written) {
            if (record.topic().equals(into.statusChanges())) {
                causes.add(topics.statusChanges().valueSerde().deserializer().deserialize(TopicLayout.STATUS_CHANGES, record.value()).getCauseType());
            }
        }
        long heartbeats = events.stream().filter(e -> e.getType() == EventType.HEARTBEAT).count();

        assertThat(causes).contains(EventType.LOGIN);
        assertThat(causes.stream().filter(t -> t == EventType.HEARTBEAT).count()).isLessThan(heartbeats / 10);
    }
}
