package io.presence.streams.fanout;

import io.presence.streams.subscription.SubscriptionEdge;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keeps the subscriber index ({@code target | subscriber → since}) on the target's task, from the
 * ledger's edges. Both edges of one (subscriber, target) pair come from the subscriber's partition
 * and go to the target's, so they arrive in the order the ledger emitted them.
 */
public final class SubscriberIndexProcessor implements Processor<String, SubscriptionEdge, Void, Void> {

    private RelationIndex subscribers;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        subscribers = new RelationIndex(context.getStateStore(RelationIndex.SUBSCRIBERS));
    }

    @Override
    public void process(Record<String, SubscriptionEdge> record) {
        SubscriptionEdge edge = record.value();
        switch (edge.change()) {
            case ADDED -> subscribers.put(edge.targetId(), edge.subscriberId(), edge.since());
            case REMOVED -> subscribers.remove(edge.targetId(), edge.subscriberId());
        }
    }
}
