package io.presence.streams.subscription;

import static java.util.Objects.requireNonNull;

/** One entry of a subscriber's list: whom it watches, and since when (the subscribing command's timestamp). */
public record Subscription(String targetId, long since) {

    public Subscription {
        requireNonNull(targetId, "targetId");
    }
}
