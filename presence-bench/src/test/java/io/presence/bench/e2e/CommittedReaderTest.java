package io.presence.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class CommittedReaderTest {

    private record Seen(String userId, long version, String status, long arrivalNanos) {
    }

    @Test
    void aPassthroughRecordIsTheFrameOfTheChangeItsProducerWrote() {
        List<Seen> seen = new ArrayList<>();
        byte[] key = "e2e-x-u7".getBytes(StandardCharsets.UTF_8);
        byte[] value = ProducerSender.value(ChangePlan.version(12));

        CommittedReader.PASSTHROUGH.decode(new ConsumerRecord<>("out", 0, 0, key, value), 42,
                (userId, version, status, arrivalNanos) -> seen.add(new Seen(userId, version, status, arrivalNanos)));

        assertThat(seen).containsExactly(new Seen("e2e-x-u7", 13, null, 42));
        assertThat(ByteBuffer.wrap(value).getLong()).isEqualTo(13);
    }
}
