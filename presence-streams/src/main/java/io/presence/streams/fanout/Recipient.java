package io.presence.streams.fanout;

import static java.util.Objects.requireNonNull;

import io.presence.avro.NotificationReason;

/** Who is told of a change, and why (the public reason of SPEC §2). */
public record Recipient(String id, NotificationReason reason) {

    public Recipient {
        requireNonNull(id, "id");
        requireNonNull(reason, "reason");
    }
}
