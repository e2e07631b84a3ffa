package io.presence.streams.subscription;

import io.presence.streams.storage.VersionedSerde;
import io.presence.streams.subscription.SubscriptionEdge.Change;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The value of the internal {@code subscription-edges} repartition topic, format 1:
 * {@code targetId (UTF)}, {@code subscriberId (UTF)}, {@code change (byte: 1 ADDED, 2 REMOVED)},
 * {@code since (long)}. Only this application reads it, so it carries no registry id.
 */
public final class SubscriptionEdgeSerde extends VersionedSerde<SubscriptionEdge> {

    private static final byte ADDED = 1;
    private static final byte REMOVED = 2;

    public SubscriptionEdgeSerde() {
        super("subscription edge", (byte) 1);
    }

    @Override
    protected void write(DataOutput out, SubscriptionEdge edge) throws IOException {
        out.writeUTF(edge.targetId());
        out.writeUTF(edge.subscriberId());
        out.writeByte(edge.change() == Change.ADDED ? ADDED : REMOVED);
        out.writeLong(edge.since());
    }

    @Override
    protected SubscriptionEdge read(DataInput in) throws IOException {
        String target = in.readUTF();
        String subscriber = in.readUTF();
        byte change = in.readByte();
        if (change != ADDED && change != REMOVED) {
            throw new IOException("unknown edge change code " + change);
        }
        return new SubscriptionEdge(target, subscriber, change == ADDED ? Change.ADDED : Change.REMOVED, in.readLong());
    }
}
