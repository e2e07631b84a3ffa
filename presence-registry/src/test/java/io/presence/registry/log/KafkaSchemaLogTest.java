package io.presence.registry.log;

import io.presence.config.KafkaConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.presence.registry.catalog.SchemaLogException;
import io.presence.schemas.topics.TopicLayout;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What happens without a broker; the round trip through a real one is the testkit's integration test. */
class KafkaSchemaLogTest {

    private static final TopicLayout LAYOUT = new TopicLayout(1, 1, 1, (short) 1);

    @Test
    void anUnreachableKafkaFailsTheReplayWithinTheTimeoutAndSaysWhere() {
        long started = System.nanoTime();
        try (KafkaSchemaLog log = new KafkaSchemaLog(KafkaConnection.to("127.0.0.1:1"), LAYOUT, Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> log.replay(record -> { }))
                    .isInstanceOf(SchemaLogException.class)
                    .hasMessageContaining(TopicLayout.SCHEMAS)
                    .hasMessageContaining("127.0.0.1:1");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void anUnresolvableBootstrapIsASchemaLogExceptionToo() {
        try (KafkaSchemaLog log = new KafkaSchemaLog(KafkaConnection.to("no-such-host.invalid:9092"), LAYOUT, Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> log.replay(record -> { }))
                    .isInstanceOf(SchemaLogException.class)
                    .hasMessageContaining("no-such-host.invalid:9092");
        }
    }
}
