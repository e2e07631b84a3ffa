package io.presence.streams.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.avro.FriendshipEvent;
import io.presence.streams.topology.PresenceCommands;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FriendshipEventValidatorTest {

    private final PresenceCommands friends = new PresenceCommands();

    @Test
    void aFriendshipEitherWayIsValid() {
        assertThat(problemWith("alice", friends.befriend("alice", "bob", 1))).isEmpty();
        assertThat(problemWith("alice", friends.unfriend("alice", "bob", 1))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(problemWith("alice", friends.befriend("alice", "alice", 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("itself"));
        assertThat(problemWith("bob", friends.befriend("alice", "bob", 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("key"));
        assertThat(problemWith("alice", friends.befriend("alice", "b/b", 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("friendId"));
        assertThat(problemWith("alice", null)).hasValueSatisfying(p -> assertThat(p).contains("tombstone"));
    }

    /** As the gate judges a record written when its event happened. */
    private static Optional<String> problemWith(String key, FriendshipEvent event) {
        return FriendshipEventValidator.problemWith(key, event, event == null ? 0 : event.getTimestamp().toEpochMilli());
    }
}
