package io.presence.streams.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.presence.streams.topology.PresenceCommands;
import org.junit.jupiter.api.Test;

class FriendshipEventValidatorTest {

    private final PresenceCommands friends = new PresenceCommands();

    @Test
    void aFriendshipEitherWayIsValid() {
        assertThat(FriendshipEventValidator.problemWith("alice", friends.befriend("alice", "bob", 1))).isEmpty();
        assertThat(FriendshipEventValidator.problemWith("alice", friends.unfriend("alice", "bob", 1))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(FriendshipEventValidator.problemWith("alice", friends.befriend("alice", "alice", 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("itself"));
        assertThat(FriendshipEventValidator.problemWith("bob", friends.befriend("alice", "bob", 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("key"));
        assertThat(FriendshipEventValidator.problemWith("alice", friends.befriend("alice", "b/b", 1)))
                .hasValueSatisfying(p -> assertThat(p).contains("friendId"));
        assertThat(FriendshipEventValidator.problemWith("alice", null)).hasValueSatisfying(p -> assertThat(p).contains("tombstone"));
    }
}
