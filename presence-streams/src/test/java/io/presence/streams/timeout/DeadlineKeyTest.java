package io.presence.streams.timeout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadlineKeyTest {

    @Test
    void keysSortByDeadlineFirst() {
        var earlier = new DeadlineKey(1_000, "zed", "z").toBytes();
        var later = new DeadlineKey(1_001, "alice", "a").toBytes();
        var muchLater = new DeadlineKey(1L << 40, "alice", "a").toBytes();

        assertThat(earlier.compareTo(later)).isNegative();
        assertThat(later.compareTo(muchLater)).isNegative();
    }

    @Test
    void aDeadlinesBareBoundSortsBeforeItsEntriesAndAfterEarlierOnes() {
        assertThat(DeadlineKey.lowerBound(1_000).compareTo(new DeadlineKey(1_000, "a", "b").toBytes())).isNegative();
        assertThat(DeadlineKey.lowerBound(1_000).compareTo(new DeadlineKey(999, "zzz", "zzz").toBytes())).isPositive();
    }

    @Test
    void theUserIdIsLengthPrefixedSoIdsNeverRunTogether() {
        DeadlineKey ab = new DeadlineKey(5, "ab", "c");
        DeadlineKey a = new DeadlineKey(5, "a", "bc");

        assertThat(ab.toBytes()).isNotEqualTo(a.toBytes());
        assertThat(DeadlineKey.fromBytes(ab.toBytes())).isEqualTo(ab);
        assertThat(DeadlineKey.fromBytes(a.toBytes())).isEqualTo(a);
    }

    @Test
    void nonAsciiIdsRoundTrip() {
        DeadlineKey key = new DeadlineKey(42, "ålice", "téléphone");

        assertThat(DeadlineKey.fromBytes(key.toBytes())).isEqualTo(key);
    }
}
