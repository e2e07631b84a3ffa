package io.presence.streams.input;

import io.presence.avro.FriendshipEvent;
import io.presence.avro.PresenceEvent;
import io.presence.avro.SubscriptionCommand;
import io.presence.streams.dlq.DeadLetterCause;
import java.util.Optional;

/**
 * What the {@link InputGate} of one input topic checks, and how its refusals are labelled in
 * {@code presence.dlq}.
 *
 * @param refusal what {@code __streams.errors.exception} names for a refused record (nothing is thrown)
 */
public record InputCheck<V>(Rule<V> rule, DeadLetterCause cause, String refusal) {

    /** The first rule a record breaks, as a message naming the field; empty when valid. */
    @FunctionalInterface
    public interface Rule<V> {
        Optional<String> problemWith(String key, V value, long recordTimestamp);
    }

    public static InputCheck<PresenceEvent> presenceEvents() {
        return new InputCheck<>(PresenceEventValidator::problemWith, DeadLetterCause.INVALID_EVENT,
                "io.presence.streams.input.InvalidPresenceEvent");
    }

    public static InputCheck<SubscriptionCommand> subscriptionCommands() {
        return new InputCheck<>(SubscriptionCommandValidator::problemWith, DeadLetterCause.INVALID_SUBSCRIPTION,
                "io.presence.streams.input.InvalidSubscriptionCommand");
    }

    public static InputCheck<FriendshipEvent> friendshipEvents() {
        return new InputCheck<>(FriendshipEventValidator::problemWith, DeadLetterCause.INVALID_FRIENDSHIP,
                "io.presence.streams.input.InvalidFriendshipEvent");
    }
}
