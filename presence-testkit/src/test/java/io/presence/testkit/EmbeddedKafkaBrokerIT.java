package io.presence.testkit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(KafkaBrokerExtension.class)
class EmbeddedKafkaBrokerIT {

    private final EmbeddedKafkaBroker kafka;

    EmbeddedKafkaBrokerIT(EmbeddedKafkaBroker kafka) {
        this.kafka = kafka;
    }

    @Test
    void idempotentProducerAndConsumerGroupRoundTrip() throws Exception {
        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "value-" + i).toList();
        TestClients.createTopic(kafka.bootstrapServers(), "it.plain", 3, (short) 1);

        TestClients.send(kafka.bootstrapServers(), "it.plain", sent);

        assertThat(TestClients.readValues(kafka.bootstrapServers(), "it.plain", "it.plain.group", "read_uncommitted",
                sent.size())).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void readCommittedConsumerSeesOnlyCommittedTransactions() throws Exception {
        TestClients.createTopic(kafka.bootstrapServers(), "it.tx", 2, (short) 1);

        try (KafkaProducer<String, String> producer =
                     TestClients.transactionalProducer(kafka.bootstrapServers(), "it.tx.producer")) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("it.tx", "a", "committed-1"));
            producer.send(new ProducerRecord<>("it.tx", "b", "committed-2"));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("it.tx", "a", "aborted"));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("it.tx", "b", "committed-3"));
            producer.commitTransaction();
        }

        assertThat(TestClients.readValues(kafka.bootstrapServers(), "it.tx", "it.tx.committed", "read_committed", 3))
                .containsExactlyInAnyOrder("committed-1", "committed-2", "committed-3");
        assertThat(TestClients.readValues(kafka.bootstrapServers(), "it.tx", "it.tx.uncommitted", "read_uncommitted", 4))
                .contains("aborted");
    }

    @Test
    void extensionSharesOneBrokerPerJvm(EmbeddedKafkaBroker injected) {
        assertThat(injected).isSameAs(kafka);
    }
}
