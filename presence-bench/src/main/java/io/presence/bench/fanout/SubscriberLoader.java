package io.presence.bench.fanout;

import io.presence.avro.SubscriptionCommand;
import io.presence.avro.SubscriptionCommandType;
import io.presence.bench.report.Throughput;
import io.presence.bench.workload.EventLoader;
import io.presence.schemas.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes one SUBSCRIBE command per subscriber, keyed by the subscriber, as ingest writes them
 * (R-SUB-1 allows 100 ids per command, but each subscriber is its own key: 100 000 subscribers are
 * 100 000 commands, spread over every partition, all re-keyed onto the target's).
 */
final class SubscriberLoader {

    private final String bootstrap;
    private final Topic<String, SubscriptionCommand> subscriptions;

    SubscriberLoader(String bootstrap, Topic<String, SubscriptionCommand> subscriptions) {
        this.bootstrap = bootstrap;
        this.subscriptions = subscriptions;
    }

    Throughput subscribeAll(FanoutUsers users) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.nanoTime();
        try (Producer<byte[], byte[]> producer = EventLoader.bulkProducer(bootstrap)) {
            for (int i = 0; i < users.subscribers(); i++) {
                String subscriber = users.subscriber(i);
                SubscriptionCommand command = new SubscriptionCommand(UUID.randomUUID().toString(), Instant.now(),
                        EventLoader.SOURCE, SubscriptionCommandType.SUBSCRIBE, subscriber, List.of(users.target()));
                producer.send(new ProducerRecord<>(subscriptions.name(),
                        subscriptions.keySerde().serializer().serialize(subscriptions.name(), subscriber),
                        subscriptions.valueSerde().serializer().serialize(subscriptions.name(), command)), (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading the subscriptions failed: " + failure.get(), failure.get());
        }
        return new Throughput(users.subscribers(), Duration.ofNanos(System.nanoTime() - started));
    }
}
