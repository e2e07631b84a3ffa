package io.presence.streams.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelationKeyTest {

    @Test
    void oneOwnersRelationsAreOneSortedRangeThatNoOtherOwnerEnters() {
        var first = RelationKey.first("ab");
        var last = RelationKey.last("ab");

        assertThat(RelationKey.of("ab", "a").compareTo(first)).isPositive();
        assertThat(RelationKey.of("ab", "zzz").compareTo(last)).isNegative();
        assertThat(RelationKey.of("ab", "b").compareTo(RelationKey.of("ab", "c"))).isNegative();
        // without the length, "a" owning "bc" and "abc" owning "d" would fall inside "ab"'s range
        assertThat(RelationKey.of("a", "bc").compareTo(first)).isNegative();
        assertThat(RelationKey.of("abc", "d").compareTo(last)).isPositive();
    }

    @Test
    void theKeyAfterARelationPrecedesEveryLaterOneIncludingLongerIds() {
        var after = RelationKey.after("ab", "r1");

        assertThat(after.compareTo(RelationKey.of("ab", "r1"))).isPositive();
        assertThat(after.compareTo(RelationKey.of("ab", "r10"))).isNegative();
        assertThat(after.compareTo(RelationKey.of("ab", "r2"))).isNegative();
        assertThat(RelationKey.otherOf(RelationKey.of("ab", "r10"), "ab")).isEqualTo("r10");
    }
}
