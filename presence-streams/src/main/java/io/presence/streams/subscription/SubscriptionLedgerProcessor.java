package io.presence.streams.subscription;

import io.presence.avro.SubscriptionCommand;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The subscription ledger (R-SUB-2, R-SUB-3): applies a validated command to the subscriber's
 * list and emits the edge changes, keyed by target, that the subscriber index needs. The list is
 * one value per subscriber — at most 200 entries — while the index keeps one entry per edge, so
 * no value ever holds a target's whole subscriber set (R-NOT-3).
 *
 * <p>An UNSUBSCRIBE without targets clears the list, as R-SUB-3 says of the API call; ingest
 * writes CLEAR for it, other writers may not.
 */
public final class SubscriptionLedgerProcessor implements Processor<String, SubscriptionCommand, String, SubscriptionEdge> {

    private ProcessorContext<String, SubscriptionEdge> context;
    private KeyValueStore<String, SubscriptionList> ledger;

    @Override
    public void init(ProcessorContext<String, SubscriptionEdge> context) {
        this.context = context;
        this.ledger = context.getStateStore(SubscriptionLedgerStore.NAME);
    }

    @Override
    public void process(Record<String, SubscriptionCommand> record) {
        SubscriptionCommand command = record.value();
        String subscriber = command.getSubscriberId();
        long at = command.getTimestamp().toEpochMilli();
        SubscriptionList stored = ledger.get(subscriber);
        SubscriptionList before = stored == null ? SubscriptionList.EMPTY : stored;
        SubscriptionList after = apply(before, command, at);
        if (after.equals(before)) {
            return;
        }
        if (after.isEmpty()) {
            ledger.delete(subscriber);
        } else {
            ledger.put(subscriber, after);
        }
        for (SubscriptionEdge edge : SubscriptionEdge.between(subscriber, before, after, at)) {
            context.forward(new Record<>(edge.targetId(), edge, record.timestamp()));
        }
    }

    private static SubscriptionList apply(SubscriptionList list, SubscriptionCommand command, long at) {
        List<String> targets = command.getTargetIds();
        return switch (command.getType()) {
            case SUBSCRIBE -> list.subscribe(targets, at);
            case UNSUBSCRIBE -> targets.isEmpty() ? SubscriptionList.EMPTY : list.unsubscribe(targets);
            case CLEAR -> SubscriptionList.EMPTY;
        };
    }
}
