package io.presence.streams.subscription;

import io.presence.streams.storage.VersionedSerde;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code subscription-ledger} value, format 1: {@code count (int)}, then per entry, oldest
 * first, {@code targetId (UTF)} and {@code since (long)}. At most 200 entries: about 14 KB.
 */
public final class SubscriptionListSerde extends VersionedSerde<SubscriptionList> {

    public SubscriptionListSerde() {
        super("subscription-ledger value", (byte) 1);
    }

    @Override
    protected void write(DataOutput out, SubscriptionList list) throws IOException {
        out.writeInt(list.entries().size());
        for (Subscription entry : list.entries()) {
            out.writeUTF(entry.targetId());
            out.writeLong(entry.since());
        }
    }

    @Override
    protected SubscriptionList read(DataInput in) throws IOException {
        int count = in.readInt();
        List<Subscription> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new Subscription(in.readUTF(), in.readLong()));
        }
        return new SubscriptionList(entries);
    }
}
