package io.presence.streams.fanout;

import io.presence.streams.session.GeneralStatus;
import io.presence.streams.storage.VersionedSerde;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The {@code fanout-jobs} value, format 1: {@code userId (UTF)}, {@code status (byte: ordinal of
 * GeneralStatus ONLINE, OFFLINE, UNLOGINED)}, {@code customStatus (UTF)}, {@code version},
 * {@code lastChangedAt}, {@code hasLastSeenAt (boolean)} [{@code lastSeenAt}], {@code selfNotified
 * (boolean)}, {@code hasLastRecipient (boolean)} [{@code lastRecipient (UTF)}]; numbers are longs.
 */
final class FanoutJobSerde extends VersionedSerde<FanoutJob> {

    private static final GeneralStatus[] STATUSES = GeneralStatus.values();

    FanoutJobSerde() {
        super("fanout-jobs value", (byte) 1);
    }

    @Override
    protected void write(DataOutput out, FanoutJob job) throws IOException {
        StatusUpdate update = job.update();
        out.writeUTF(update.userId());
        out.writeByte(update.status().ordinal());
        out.writeUTF(update.customStatus());
        out.writeLong(update.version());
        out.writeLong(update.lastChangedAt());
        out.writeBoolean(update.lastSeenAt() != null);
        if (update.lastSeenAt() != null) {
            out.writeLong(update.lastSeenAt());
        }
        out.writeBoolean(job.selfNotified());
        out.writeBoolean(job.lastRecipient() != null);
        if (job.lastRecipient() != null) {
            out.writeUTF(job.lastRecipient());
        }
    }

    @Override
    protected FanoutJob read(DataInput in) throws IOException {
        StatusUpdate update = new StatusUpdate(in.readUTF(), STATUSES[in.readByte()], in.readUTF(), in.readLong(),
                in.readLong(), in.readBoolean() ? in.readLong() : null);
        boolean selfNotified = in.readBoolean();
        return new FanoutJob(update, selfNotified, in.readBoolean() ? in.readUTF() : null);
    }
}
